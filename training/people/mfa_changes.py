"""Two-factor enrolment and removal, logged on the person from allauth.mfa's signals."""

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from policy_content.audit_log import register_audit_action

__all__ = ["MFA_ADDED_ACTION", "MFA_REMOVED_ACTION"]

MFA_ADDED_ACTION = "training.mfa_added"
MFA_REMOVED_ACTION = "training.mfa_removed"


def _log(action: str, request, user, authenticator: Authenticator) -> None:
    actor = getattr(request, "user", None)
    log(
        instance=user,
        action=action,
        user=actor if getattr(actor, "is_authenticated", False) else user,
        data={"type": authenticator.type, "authenticator": authenticator.pk},
    )


@receiver(authenticator_added)
def log_an_added_authenticator(sender, request, user, authenticator, **kwargs):
    _log(MFA_ADDED_ACTION, request, user, authenticator)


@receiver(authenticator_removed)
def log_a_removed_authenticator(sender, request, user, authenticator, **kwargs):
    _log(MFA_REMOVED_ACTION, request, user, authenticator)


def _type_values(data):
    labels = dict(Authenticator.Type.choices)
    return {"type": labels.get(data.get("type"), data.get("type", ""))}


register_audit_action(
    MFA_ADDED_ACTION,
    label=_("Two-factor authentication set up"),
    message=_("Set up two-factor authentication: %(type)s"),
    values=_type_values,
)
register_audit_action(
    MFA_REMOVED_ACTION,
    label=_("Two-factor authentication removed"),
    message=_("Removed two-factor authentication: %(type)s"),
    values=_type_values,
)
