"""Admin table columns that show a date as a date: "Review due: just now" helps nobody a year ahead."""

from wagtail.admin.ui.tables import Column

from .spreadsheets import human_value

__all__ = ["CalendarDateColumn"]


class CalendarDateColumn(Column):
    """A date, or a date and time, in the reader's format; Wagtail's DateColumn says "4 years ago"."""

    def get_value(self, instance):
        return human_value(super().get_value(instance))
