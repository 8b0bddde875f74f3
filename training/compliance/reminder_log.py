"""Reminders sent from the team report, logged on the sender: how many, to whom, from which filters."""

from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from policy_content.audit_log import listed, register_audit_action

from ..models import User
from .reminders import ReminderOutcome

__all__ = ["REMINDERS_ACTION", "log_reminders_sent", "report_filters"]

REMINDERS_ACTION = "training.reminders_sent"


def report_filters(report_url: str) -> dict[str, str]:
    """The filters of the report the reminders were sent from, read from its URL."""
    query = parse_qs(urlsplit(report_url).query)
    return {key: ",".join(values) for key, values in sorted(query.items()) if key not in {"p", "export"}}


def log_reminders_sent(outcome: ReminderOutcome, *, by: User, filters: dict[str, str]) -> None:
    """One entry per send: the people e-mailed, and those skipped because reminded today, owing nothing or failed."""
    names = dict(User.objects.filter(pk__in=outcome.sent).values_list("pk", "name"))
    log(
        instance=by,
        action=REMINDERS_ACTION,
        user=by,
        data={
            "sent": len(outcome.sent),
            "recipients": [{"id": pk, "name": names.get(pk, "")} for pk in outcome.sent],
            "already_sent": outcome.already_sent,
            "nothing_due": outcome.nothing_due,
            "failed": outcome.failed,
            "filters": filters,
        },
    )


def _values(data):
    return {
        "sent": data.get("sent", 0),
        "recipients": listed(person.get("name") or person.get("id") for person in data.get("recipients") or []),
        "criteria": listed(f"{key}={value}" for key, value in (data.get("filters") or {}).items() if value),
    }


register_audit_action(
    REMINDERS_ACTION,
    label=_("Reminders sent"),
    message=_("Sent reminders to %(sent)s people: %(recipients)s; filters: %(criteria)s"),
    values=_values,
)
