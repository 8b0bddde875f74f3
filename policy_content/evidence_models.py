"""The append-only hash chain over evidence: its records, and the head locked while one is appended."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .immutable import ImmutableModel

__all__ = ["EvidenceChainHead", "EvidenceRecord"]


class EvidenceRecord(ImmutableModel):
    """One link of the append-only hash chain over evidence (texts, acknowledgements, quiz attempts)."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.CharField(_("record"), max_length=64)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    previous_sha256 = models.CharField(_("SHA-256 of the previous record"), max_length=64)
    chain_sha256 = models.CharField(_("SHA-256 of this record"), max_length=64, unique=True)
    code = models.CharField(_("verification code"), max_length=12, unique=True)
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("evidence record")
        verbose_name_plural = _("evidence records")
        ordering = ["sequence"]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="evidence_record_once_per_object")]

    def __str__(self):
        return f"#{self.sequence} {self.kind} {self.object_id}"


class EvidenceChainHead(models.Model):
    """The single row locked while a record is appended: the latest record's sequence and hash."""

    sequence = models.PositiveBigIntegerField(_("sequence"), default=0)
    chain_sha256 = models.CharField(_("SHA-256 of the latest record"), max_length=64, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence chain head")

    def __str__(self):
        return f"#{self.sequence}"
