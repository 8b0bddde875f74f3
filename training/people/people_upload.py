"""An uploaded people file, CSV (UTF-8, with or without a byte-order mark) or XLSX, read into a Table within limits."""

import csv
import datetime
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .people_file import COLUMNS, PeopleFileError, Table

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# Columns read from a spreadsheet: enough to report unknown columns, bounded against a sheet 16,384 wide.
MAX_SHEET_COLUMNS = 4 * len(COLUMNS)
EXTENSIONS = (".csv", ".xlsx")


def _too_many_rows() -> PeopleFileError:
    return PeopleFileError(_("the file has more than %(max)s rows; split it into smaller files") % {"max": MAX_ROWS})


def read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PeopleFileError(_("the file is not UTF-8 text; save it as CSV UTF-8")) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        records = []
        for values in reader:
            if len(records) == MAX_ROWS:
                raise _too_many_rows()
            records.append((reader.line_num, values))
    except csv.Error as exc:
        raise PeopleFileError(
            _("line %(line)s: not a readable CSV file (%(reason)s)") % {"line": reader.line_num, "reason": exc}
        ) from exc
    return Table(header=header, records=records)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(data: bytes) -> Table:
    """The first sheet; cells as text, dates as YYYY-MM-DD, line numbers as the sheet's row numbers."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PeopleFileError(_("the file is not a readable XLSX workbook; save it again as .xlsx or CSV")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(max_col=MAX_SHEET_COLUMNS, values_only=True)
        header = [_cell(value) for value in next(rows, ())]
        while header and not header[-1].strip():
            header.pop()
        records = []
        for line, values in enumerate(rows, start=2):
            cells = [_cell(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()
            if not cells:
                continue
            if len(records) == MAX_ROWS:
                raise _too_many_rows()
            records.append((line, cells))
    except PeopleFileError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PeopleFileError(_("the file is not a readable XLSX workbook; save it again as .xlsx or CSV")) from exc
    finally:
        workbook.close()
    return Table(header=header, records=records)


def read_upload(name: str, data: bytes) -> Table:
    """Read an uploaded file by its extension; PeopleFileError says in a sentence what is wrong with it."""
    lower = name.lower()
    if not lower.endswith(EXTENSIONS):
        raise PeopleFileError(_("upload a .csv or .xlsx file"))
    if len(data) > MAX_BYTES:
        raise PeopleFileError(
            _("the file is larger than %(max)s MB; split it into smaller files") % {"max": MAX_BYTES // (1024 * 1024)}
        )
    return read_xlsx(data) if lower.endswith(".xlsx") else read_csv(data)
