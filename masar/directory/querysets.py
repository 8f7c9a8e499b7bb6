from django.db import models
from django.db.models import Q
from django.utils import timezone

from masar.accounts.policy import Perm, has_perm


class OrganizationQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Organisations whose entries the user may change."""
        if has_perm(user, Perm.MANAGE_DIRECTORY):
            return self
        if has_perm(user, Perm.EDIT_OWN_SERVICES) and user.institution_id:
            return self.filter(institution_id=user.institution_id)
        return self.none()


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: services verified at least once and still running."""
        return self.filter(verified_at__isnull=False).exclude(status="defunct")

    def visible_to(self, user):
        """The public and staff see published services; staff also see their own
        organisation's drafts; verifiers and directory managers see everything."""
        if user is None or not user.is_authenticated:
            return self.published()
        if has_perm(user, Perm.MANAGE_DIRECTORY) or has_perm(user, Perm.VERIFY_SERVICES):
            return self
        if has_perm(user, Perm.EDIT_OWN_SERVICES) and user.institution_id:
            return self.filter(
                Q(verified_at__isnull=False) | Q(organization__institution_id=user.institution_id)
            ).exclude(Q(status="defunct") & ~Q(organization__institution_id=user.institution_id))
        return self.published()

    def editable_by(self, user):
        if has_perm(user, Perm.MANAGE_DIRECTORY):
            return self
        if has_perm(user, Perm.EDIT_OWN_SERVICES) and user.institution_id:
            return self.filter(organization__institution_id=user.institution_id)
        return self.none()

    def stale(self, now=None):
        from .models import STALE_AFTER

        now = now or timezone.now()
        return self.filter(Q(verified_at__isnull=True) | Q(verified_at__lt=now - STALE_AFTER))

    # Filters select ids from the small link tables (``pk__in`` subqueries driven by their
    # indexes) rather than testing every service: they stay cheap as the directory grows and
    # combine with the search index (masar.directory.search).

    def in_area(self, *, governorate=None, delegation=None, municipality=None):
        """Delivered at a location in the area (codes of the territory tree)."""
        from .models import ServiceAtLocation

        places = ServiceAtLocation.objects.all()
        if governorate:
            places = places.filter(location__governorate__code=governorate)
        if delegation:
            places = places.filter(location__delegation__code=delegation)
        if municipality:
            places = places.filter(location__municipality__code=municipality)
        return self.filter(pk__in=places.values("service_id"))

    def open_at(self, moment):
        """Open at ``moment`` (aware datetime), by the weekly hours in Tunisia's time."""
        from .models import Schedule

        local = timezone.localtime(moment)
        spans = Schedule.objects.filter(
            weekday=local.weekday(),
            opens_at__lte=local.time(),
            closes_at__gt=local.time(),
        )
        return self.filter(pk__in=spans.values("service_id"))

    def in_category(self, code):
        """Tagged with the category or one of its sub-categories."""
        through = self.model.categories.through
        links = through.objects.filter(
            Q(taxonomyterm__code=code) | Q(taxonomyterm__parent__code=code),
            taxonomyterm__taxonomy__code="needs",
        )
        return self.filter(pk__in=links.values("service_id"))

    def for_audience(self, code):
        through = self.model.audiences.through
        links = through.objects.filter(
            taxonomyterm__code=code, taxonomyterm__taxonomy__code="audiences"
        )
        return self.filter(pk__in=links.values("service_id"))

    def in_language(self, code):
        from .models import ServiceLanguage

        return self.filter(pk__in=ServiceLanguage.objects.filter(code=code).values("service_id"))

    def modified_after(self, moment):
        return self.filter(modified_at__gt=moment)
