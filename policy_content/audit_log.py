"""Actions recorded in Wagtail's log beyond page edits: each with a label and a message built from its data.

Every subject that logs (imports, exports, paper sign-offs, evidence checks, a person's team and roles)
registers its action here with `register_audit_action`, so the log, its filters and its export show it
in the reader's language.
"""

from collections.abc import Callable, Mapping

from wagtail import hooks
from wagtail.log_actions import LogFormatter

__all__ = ["AuditFormatter", "listed", "register_audit_action"]


def listed(values) -> str:
    """A list from an entry's data as a reader sees it: comma-separated, or a dash when empty."""
    values = [str(value) for value in values or ()]
    return ", ".join(values) if values else "—"


class _Values(dict):
    def __missing__(self, key):
        return ""


class AuditFormatter(LogFormatter):
    """A label and a message template; `values` turns the entry's data into the template's values."""

    message_template = ""
    values: Callable[[Mapping], Mapping] | None = None

    def format_message(self, log_entry):
        data = log_entry.data or {}
        values = type(self).values(data) if self.values else data
        return str(self.message_template) % _Values(values)


def register_audit_action(action: str, *, label, message, values: Callable[[Mapping], Mapping] | None = None):
    """Register `action` in Wagtail's log: its label in the filters and export, its message in the listing."""
    formatter = type(
        "AuditFormatter_" + action.replace(".", "_"),
        (AuditFormatter,),
        {"label": label, "message_template": message, "values": staticmethod(values) if values else None},
    )

    @hooks.register("register_log_actions")
    def register(actions):
        actions.register_action(action)(formatter)

    return formatter
