"""Every spreadsheet export of the admin: safe to open, and in the downloader's words.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice;
OWASP's advice is to prefix it with an apostrophe. Dates, times and yes/no values are written as the
downloader reads them in the admin, not as Python prints them.
"""

import datetime
from functools import cached_property, lru_cache

from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log

from .audit_log import listed, register_audit_action

__all__ = ["EXPORT_ACTION", "FORMULA_PREFIXES", "SafeSpreadsheetExportMixin", "log_download", "neutralise_formula"]

EXPORT_ACTION = "training.export"
# Query parameters that page or pick the format rather than filter what is exported.
NOT_FILTERS = frozenset({"export", "p", "page"})

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """The value, with an apostrophe in front when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@lru_cache(maxsize=4096)
def _short_date(value: datetime.date, language: str) -> str:
    # A report repeats the same due and expiry days thousands of times: format each once per language.
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def human_value(value, *, language: str | None = None, zone: datetime.tzinfo | None = None):
    """A CSV cell as people read it: localised dates and times, yes and no.

    `language` and `zone` are the active ones; an export of many cells passes them in, looked up once.
    """
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value, zone) if timezone.is_aware(value) else value
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return _short_date(value, language or translation.get_language())
    return value


def export_filters(query) -> dict[str, str]:
    """The filters of a report's query string, as the log keeps them (several values joined by commas)."""
    return {key: ",".join(query.getlist(key)) for key in sorted(query) if key not in NOT_FILTERS}


def log_download(request, *, report: str, export_format: str, rows: int, filters: dict | None = None) -> None:
    """Log that the signed-in person downloaded a report: which one, in which format, filtered how, how many rows."""
    filters = export_filters(request.GET) if filters is None else filters
    log(
        instance=request.user,
        action=EXPORT_ACTION,
        user=request.user,
        data={"report": report, "path": request.path, "format": export_format, "filters": filters, "rows": rows},
    )


def _export_values(data):
    filters = data.get("filters") or {}
    return {
        "report": data.get("report", ""),
        "format": str(data.get("format", "")).upper(),
        "rows": data.get("rows", 0),
        "criteria": listed(f"{key}={value}" for key, value in filters.items() if value),
    }


register_audit_action(
    EXPORT_ACTION,
    label=_("Export downloaded"),
    message=_("Downloaded “%(report)s” as %(format)s: %(rows)s rows; filters: %(criteria)s"),
    values=_export_values,
)


def _row_count(rows) -> int:
    return rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Put before the view's own classes: `class MyReport(SafeSpreadsheetExportMixin, ReportView)`.

    Every download is logged: who, which report, the format, the filters and the number of rows.
    """

    def as_spreadsheet(self, queryset, spreadsheet_format):
        title = self.get_page_title() if hasattr(self, "get_page_title") else getattr(self, "page_title", "")
        with translation.override("en"):
            report = str(title or self.get_filename())
        log_download(self.request, report=report, export_format=spreadsheet_format, rows=_row_count(queryset))
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            language, zone = self._csv_locale
            value = human_value(value, language=language, zone=zone)
            if field not in self.custom_field_preprocess and (value is None or type(value) in (str, int, float)):
                return neutralise_formula(value)  # as Wagtail's default (force_str, strings only) leaves them
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    @cached_property
    def _csv_locale(self) -> tuple[str, datetime.tzinfo]:
        return getattr(self, "export_language", None) or translation.get_language(), timezone.get_current_timezone()

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
