"""Dates in the admin as dates: "Review due: just now" helps nobody a year ahead.

Wagtail says "3 hours ago" for every moment, future or years past. Here only a moment of the past
week is said that way; any other date is shown as a calendar date in the reader's format.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, TitleColumn

from .compare_views import comparison_url
from .spreadsheets import human_value

__all__ = ["RECENT", "CalendarDateColumn", "CompareWithPreviousColumn", "is_recent_past", "readable_moment"]

# How far back "x ago" still reads better than a date.
RECENT = datetime.timedelta(days=7)


class CalendarDateColumn(Column):
    """A date, a date and time or a yes/no in the reader's format, where Wagtail says "4 years ago" or "False"."""

    def get_value(self, instance):
        return human_value(super().get_value(instance))


class CompareWithPreviousColumn(TitleColumn):
    """In a list of policy versions: a link comparing each version with the one before it."""

    empty_value_display = "—"

    def __init__(self, name="compare", **kwargs):
        super().__init__(name, label=_("Compare"), accessor=self._label, get_url=self._url, **kwargs)

    @staticmethod
    def _label(version) -> str:
        if version.number < 2:
            return ""
        return gettext("Version %(old)s → %(new)s") % {"old": version.number - 1, "new": version.number}

    @staticmethod
    def _url(version) -> str | None:
        if version.number < 2:
            return None
        return comparison_url(policy_id=version.policy_id, old=version.number - 1, new=version.number)


def is_recent_past(value, *, now: datetime.datetime | None = None) -> bool:
    """Whether `value` (a date or a moment) lies in the past week, up to now."""
    now = now or timezone.now()
    if not isinstance(value, datetime.datetime):
        if not isinstance(value, datetime.date):
            return False
        today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
        return today - RECENT <= value <= today
    if timezone.is_naive(value) and timezone.is_aware(now):
        value = timezone.make_aware(value)
    return now - RECENT <= value <= now


def readable_moment(value, *, now: datetime.datetime | None = None) -> str:
    """ "3 hours ago" for a moment of the past week; the calendar date (and time) for any other."""
    if is_recent_past(value, now=now):
        return str(timesince_simple(value))
    return str(human_value(value))
