"""A person's due dates as an iCalendar (RFC 5545) feed: one all-day event per item they still owe."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ..choices import ItemKind
from ..compliance.rules import ItemStanding, Standing

__all__ = ["PRODID", "feed_calendar", "item_summary"]

PRODID = "-//Service Training//Due dates//EN"


def item_summary(item: ItemStanding) -> str:
    """What the event says, in the active language: what to do, and with what."""
    if item.kind == ItemKind.RECHECK:
        return _("Take the re-check: %(title)s") % {"title": item.title}
    if item.kind == ItemKind.QUIZ:
        return _("Take the quiz: %(title)s") % {"title": item.title}
    if item.needs_reacknowledgement:
        return _("Re-acknowledge: %(title)s") % {"title": item.title}
    return _("Read and acknowledge: %(title)s") % {"title": item.title}


def feed_calendar(standing: Standing, *, site_url: str, domain: str, now: datetime.datetime | None = None) -> bytes:
    """The calendar of everything `standing` says is owed, in the active language."""
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("My training"))
    for item in standing.items:
        if item.is_done:
            continue
        event = Event()
        # One event per requirement and person: a new due date (a new version) moves the same event.
        event.add("uid", f"requirement-{item.requirement.id}-person-{standing.person.id}@{domain}")
        event.add("dtstamp", now)
        event.add("dtstart", item.due_date)
        event.add("dtend", item.due_date + datetime.timedelta(days=1))
        event.add("summary", item_summary(item))
        link = f"{site_url}{item.url}" if item.url else ""
        event.add("description", "\n".join(filter(None, [item.get_status_display(), link])))
        event.add("transp", "TRANSPARENT")
        if link:
            event.add("url", link)
        calendar.add_component(event)
    return calendar.to_ical()
