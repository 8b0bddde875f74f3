from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.people_import import import_people


class Command(BaseCommand):
    help = "Create or update people from a CSV file (example: training/fixtures/people.example.csv)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the good rows even when some rows are bad.",
        )

    def handle(self, *args, file: Path, skip_invalid: bool, **options):
        try:
            stream = file.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        with stream:
            result = import_people(stream, skip_invalid=skip_invalid)
        for error in result.errors:
            self.stderr.write(f"{file}:{error}")
        if not result.applied:
            raise CommandError(
                f"{len(result.errors)} bad row(s); nothing was imported. "
                "Fix them, or use --skip-invalid to import the good rows."
            )
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged"
            + (f", {len(result.errors)} bad row(s) skipped" if result.errors else "")
            + "."
        )
