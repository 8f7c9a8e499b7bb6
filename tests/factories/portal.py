import factory

from masar.accounts.policy import Role
from masar.portal.actions import create_page, set_page_status
from masar.portal.models import Feedback, InfoPage, PageCategory
from masar.portal.rules import client_key

from .accounts import InstitutionFactory, UserFactory


def editor():
    return UserFactory(institution=InstitutionFactory(), roles=[Role.SUPERVISOR])


class InfoPageFactory(factory.django.DjangoModelFactory):
    """Through the actions: ``InfoPageFactory(actor=…, published=True, title_ar=…)``."""

    class Meta:
        model = InfoPage

    slug = factory.Sequence(lambda n: f"page-{n}")
    category = PageCategory.RIGHTS
    title_fr = factory.Sequence(lambda n: f"Page d'information {n}")
    summary_fr = "Un résumé court."
    body_fr = "## Titre\n\nUn paragraphe **important**."

    @classmethod
    def _create(cls, model_class, *args, actor=None, published=True, **kwargs):
        actor = actor or editor()
        page = create_page(actor=actor, **kwargs)
        if published:
            page = set_page_status(actor=actor, page=page, status="published")
        return page


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A stored opinion (for moderation and display tests); the public form goes through
    ``actions.submit_feedback``."""

    class Meta:
        model = Feedback

    rating = 4
    comment = "Accueil très utile."
    language = "fr"
    client_key = factory.Sequence(lambda n: client_key(f"192.0.2.{n % 250}", _today()))


def _today():
    from django.utils import timezone

    return timezone.localdate()
