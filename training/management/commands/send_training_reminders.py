import datetime

from django.core.management.base import BaseCommand, CommandError

from training.compliance.reminders import run_daily_reminders


class Command(BaseCommand):
    help = (
        "E-mail each person their overdue and soon-due training, and each manager a digest of their teams. "
        "Run it daily (cron or a systemd timer); a second run on the same day sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD: {error}") from error
        outcomes = run_daily_reminders(today=today)
        for label, outcome in outcomes.items():
            self.stdout.write(
                f"{label}: {len(outcome.sent)} sent, {len(outcome.already_sent)} already sent today, "
                f"{len(outcome.nothing_due)} with nothing due, {len(outcome.failed)} failed"
            )
        if any(outcome.failed for outcome in outcomes.values()):
            raise CommandError("Some reminders could not be sent; see the log.")
