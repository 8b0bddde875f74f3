"""Admin table columns that show a date as a date: "Review due: just now" helps nobody a year ahead."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn

from .compare_views import comparison_url
from .spreadsheets import human_value

__all__ = ["CalendarDateColumn", "CompareWithPreviousColumn"]


class CalendarDateColumn(Column):
    """A date, or a date and time, in the reader's format; Wagtail's DateColumn says "4 years ago"."""

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
