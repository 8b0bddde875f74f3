"""Shared steps for the policy tests: publishing changes the way editors do."""

from policy_content.models import PolicyPage
from tests.policy_content.factories import policy_body_data


def publish_change(page, *, user=None, new_version=False, summary="", body=None, **fields):
    """Edit a policy and publish it; returns the reloaded page."""
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = body if body is not None else policy_body_data(complaint_days="two")
    page.mark_as_new_version = new_version
    page.change_summary = summary
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    return PolicyPage.objects.get(pk=page.pk)
