"""A people file uploaded in the admin, kept on the server between its preview and its confirmation."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["PeopleImport", "PeopleImportQuerySet"]

PENDING_FOR = datetime.timedelta(hours=1)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PeopleImportQuerySet(models.QuerySet):
    def expired(self):
        return self.filter(applied_at__isnull=True, uploaded_at__lt=timezone.now() - PENDING_FOR)

    def of(self, user):
        """Uploads are seen and confirmed only by who uploaded them."""
        return self.filter(uploaded_by=user)

    def pending(self):
        return self.filter(applied_at__isnull=True, uploaded_at__gte=timezone.now() - PENDING_FOR)


class PeopleImport(models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=255)
    table = models.JSONField(help_text=_("The file's cells as text, read once at upload."))
    applied_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True, help_text=_("What the import did, once confirmed."))

    objects = PeopleImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")

    def __str__(self):
        return self.file_name
