"""Wagtail signals that turn publications into policy versions and frozen texts."""

from contextlib import contextmanager

from wagtail.signals import page_published

from .frozen import freeze_page
from .models import PolicyIndexPage, PolicyPage
from .versions import record_publication
from .workflow import ensure_policy_workflow

DISPATCH_UID = "policy_content_versions"


def create_version_on_publish(sender, instance, revision=None, **kwargs):
    """Every way a policy goes live (publish button, workflow approval, schedule) passes here."""
    if revision is not None:
        record_publication(page=instance, revision=revision)
        if instance.live_revision_id == revision.pk:
            freeze_page(page=instance)


def approval_for_every_language(sender, instance, **kwargs):
    """A library published in a new language (a translation) comes under the same approval workflow."""
    ensure_policy_workflow(instance)


def connect():
    page_published.connect(create_version_on_publish, sender=PolicyPage, dispatch_uid=DISPATCH_UID)
    page_published.connect(
        approval_for_every_language, sender=PolicyIndexPage, dispatch_uid="policy_content_library_workflow"
    )


@contextmanager
def versions_recorded_by_caller():
    """For loading past publications: the caller records each version with the date it went live."""
    page_published.disconnect(sender=PolicyPage, dispatch_uid=DISPATCH_UID)
    try:
        yield
    finally:
        connect()
