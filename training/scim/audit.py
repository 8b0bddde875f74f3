"""Every change a provisioning client makes goes in Wagtail's log, with the values before and after."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter, log

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


class ScimCreateFormatter(LogFormatter):
    label = _("Created by provisioning")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Created by provisioning client “%(client)s”: %(changes)s") % {
            "client": data.get("client", ""),
            "changes": _changes(data),
        }


class ScimUpdateFormatter(LogFormatter):
    label = _("Changed by provisioning")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Changed by provisioning client “%(client)s”: %(changes)s") % {
            "client": data.get("client", ""),
            "changes": _changes(data),
        }


class ScimRemoveFormatter(LogFormatter):
    label = _("Removed by provisioning")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Removed by provisioning client “%(client)s”: deactivated, records kept") % {
            "client": data.get("client", "")
        }


class ScimGroupFormatter(LogFormatter):
    label = _("Directory group changed by provisioning")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Directory group changed by provisioning client “%(client)s”: %(changes)s") % {
            "client": data.get("client", ""),
            "changes": _changes(data),
        }


@hooks.register("register_log_actions")
def register_provisioning_actions(actions):
    actions.register_action(CREATE_ACTION)(ScimCreateFormatter)
    actions.register_action(UPDATE_ACTION)(ScimUpdateFormatter)
    actions.register_action(REMOVE_ACTION)(ScimRemoveFormatter)
    actions.register_action(GROUP_ACTION)(ScimGroupFormatter)
