"""Wagtail signals that turn publications into policy versions."""

from wagtail.signals import page_published

from .models import PolicyPage


def create_version_on_publish(sender, instance, revision=None, **kwargs):
    """Every way a policy goes live (publish button, workflow approval, schedule) passes here."""
    from .versions import record_publication

    if revision is not None:
        record_publication(page=instance, revision=revision)


def connect():
    page_published.connect(create_version_on_publish, sender=PolicyPage, dispatch_uid="policy_content_versions")
