"""Every change a provisioning client makes goes in Wagtail's log, with the values before and after."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.log_actions import log

from policy_content.audit_log import register_audit_action

from ..people.importing import FIELD_LABELS, Change

CREATE_ACTION = "training.scim_create"
UPDATE_ACTION = "training.scim_update"
REMOVE_ACTION = "training.scim_remove"
GROUP_ACTION = "training.scim_group"


def log_change(instance, *, action: str, client, changes: Iterable[Change] = ()) -> None:
    """One log entry on the person or group, naming the client and each field's before and after."""
    log(
        instance=instance,
        action=action,
        data={
            "client": client.name,
            "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in changes],
        },
    )


LABELS = {
    **FIELD_LABELS,
    "email": _("e-mail address"),
    "active": pgettext_lazy("person", "active"),
    "removed": _("removed by the identity provider"),
    "members": _("members"),
}


def _changes(data: dict) -> str:
    return "; ".join(
        _("%(field)s: “%(before)s” → “%(after)s”")
        % {"field": LABELS.get(change["field"], change["field"]), "before": change["before"], "after": change["after"]}
        for change in data.get("changes", [])
    )


def _client_and_changes(data) -> dict:
    return {"client": data.get("client", ""), "changes": _changes(data)}


register_audit_action(
    CREATE_ACTION,
    label=_("Created by provisioning"),
    message=_("Created by provisioning client “%(client)s”: %(changes)s"),
    values=_client_and_changes,
)
register_audit_action(
    UPDATE_ACTION,
    label=_("Changed by provisioning"),
    message=_("Changed by provisioning client “%(client)s”: %(changes)s"),
    values=_client_and_changes,
)
register_audit_action(
    REMOVE_ACTION,
    label=_("Removed by provisioning"),
    message=_("Removed by provisioning client “%(client)s”: deactivated, records kept"),
)
register_audit_action(
    GROUP_ACTION,
    label=_("Directory group changed by provisioning"),
    message=_("Directory group changed by provisioning client “%(client)s”: %(changes)s"),
    values=_client_and_changes,
)
