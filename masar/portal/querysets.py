from django.db import models
from django.db.models import Avg, Count

from masar.accounts.policy import Perm, has_perm


class InfoPageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")

    def visible_to(self, user):
        """The public (and every reader) sees published pages; editors see drafts too."""
        if user is not None and has_perm(user, Perm.EDIT_PORTAL_PAGES):
            return self
        return self.published()

    def editable_by(self, user):
        if user is not None and has_perm(user, Perm.EDIT_PORTAL_PAGES):
            return self
        return self.none()


class FeedbackQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")

    def visible_to(self, user):
        """The moderation queue: the portal is national, so moderators see all feedback."""
        if user is not None and has_perm(user, Perm.MODERATE_FEEDBACK):
            return self
        return self.none()

    def rating_summary(self) -> dict:
        """Average and count of the published ratings (one query)."""
        summary = self.published().aggregate(average=Avg("rating"), count=Count("id"))
        return {"average": summary["average"], "count": summary["count"]}
