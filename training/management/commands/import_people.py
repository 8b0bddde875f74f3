from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training.people.importing import import_people
from training.people.people_file import COLUMNS, PeopleFileError


class Command(BaseCommand):
    help = (
        "Create or update people from a CSV file, matched by e-mail "
        "(example: training/fixtures/people.example.csv). Columns: " + ", ".join(COLUMNS) + ". "
        "email and name are required; a column left out of the file leaves that detail of existing people "
        "as it is. A file with any bad row changes nothing unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file, UTF-8, with a header row.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the good rows even when some rows are bad.",
        )

    def handle(self, *args, file: Path, skip_invalid: bool, **options):
        try:
            stream = file.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from exc
        with stream:
            try:
                result = import_people(stream, skip_invalid=skip_invalid)
            except PeopleFileError as exc:
                raise CommandError(
                    _("%(file)s, %(problem)s. Nothing was imported.") % {"file": file, "problem": exc}
                ) from exc
        for error in result.errors:
            self.stderr.write(f"{file}, {error}")
        if not result.applied:
            raise CommandError(
                ngettext(
                    "%(count)s bad row; nothing was imported. Fix it, or use --skip-invalid to import the good rows.",
                    "%(count)s bad rows; nothing was imported. Fix them, or use --skip-invalid to import the good rows.",
                    len(result.errors),
                )
                % {"count": len(result.errors)}
            )
        summary = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        if result.teams_created:
            summary += "; " + ngettext("%(count)s new team", "%(count)s new teams", result.teams_created) % {
                "count": result.teams_created
            }
        if result.errors:
            summary += "; " + ngettext(
                "%(count)s bad row skipped", "%(count)s bad rows skipped", len(result.errors)
            ) % {"count": len(result.errors)}
        self.stdout.write(self.style.SUCCESS(summary + "."))
