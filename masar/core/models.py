from django.db import models
from django.http import HttpResponse, HttpResponseRedirect

from .classification import DataClass


class IdempotencyKey(models.Model):
    """The answer given to a POST carrying an idempotency key, replayed on retries."""

    key = models.CharField(max_length=200)
    owner = models.CharField(max_length=80)
    path = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    location = models.CharField(max_length=500, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(blank=True, default=b"")

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "key": DataClass.NONE,
        "owner": DataClass.NONE,
        "path": DataClass.NONE,
        "created_at": DataClass.NONE,
        "status_code": DataClass.NONE,
        "location": DataClass.NONE,
        "content_type": DataClass.NONE,
        # A replayed API answer may contain what the creator sent; treat it as identity.
        "body": DataClass.IDENTITY,
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="idempotency_owner_key")
        ]

    def __str__(self):
        return f"{self.owner}:{self.key}"

    def store(self, response) -> None:
        self.status_code = response.status_code
        self.location = response.get("Location", "")[:500]
        self.content_type = response.get("Content-Type", "")[:100]
        if not getattr(response, "streaming", False) and len(response.content) < 64 * 1024:
            self.body = response.content
        self.save(update_fields=["status_code", "location", "content_type", "body"])

    def replay(self) -> HttpResponse:
        if self.location and 300 <= self.status_code < 400:
            response = HttpResponseRedirect(self.location)
        else:
            response = HttpResponse(
                bytes(self.body), status=self.status_code, content_type=self.content_type
            )
        if self.location:
            response["Location"] = self.location
        response["Idempotent-Replayed"] = "true"
        return response
