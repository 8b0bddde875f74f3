"""Every spreadsheet export of the admin: safe to open, and in the downloader's words.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice;
OWASP's advice is to prefix it with an apostrophe. Dates, times and yes/no values are written as the
downloader reads them in the admin, not as Python prints them.
"""

import datetime

from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from wagtail.admin.views.mixins import SpreadsheetExportMixin

__all__ = ["FORMULA_PREFIXES", "SafeSpreadsheetExportMixin", "neutralise_formula"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """The value, with an apostrophe in front when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def human_value(value):
    """A CSV cell as people read it: localised dates and times, yes and no."""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Put before the view's own classes: `class MyReport(SafeSpreadsheetExportMixin, ReportView)`."""

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            value = human_value(value)
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def write_csv_response(self, queryset):
        # The rows are written while the response streams, after the view has returned and the
        # admin has restored the site language: keep the downloader's.
        self.export_language = translation.get_language()
        return super().write_csv_response(queryset)

    def stream_csv(self, queryset):
        language = getattr(self, "export_language", None) or translation.get_language()
        rows = super().stream_csv(queryset)
        while True:
            with translation.override(language):
                row = next(rows, None)
            if row is None:
                return
            yield row
