import time

from django.core.management.base import BaseCommand, CommandError

from policy_content.learning_records import backfill_acknowledgements, lrs_configured
from policy_content.lrs_sending import queue_health, send_due
from quizzes.learning_records import backfill_attempts


class Command(BaseCommand):
    help = (
        "Send queued xAPI statements to the learning record store (TRAINING_LRS_ENDPOINT) in batches, retrying "
        "failures with exponential backoff. Runs as a worker until stopped, or once with --once (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is due, then stop.")
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between rounds (worker).")
        parser.add_argument("--batch-size", type=int, default=50, help="Statements per request.")
        parser.add_argument(
            "--backfill",
            action="store_true",
            help="First queue statements for acknowledgements and attempts recorded before the store was set up.",
        )

    def handle(self, *args, once=False, interval=10.0, batch_size=50, backfill=False, **options):
        if not lrs_configured():
            raise CommandError("No learning record store is configured: set TRAINING_LRS_ENDPOINT.")
        if batch_size < 1 or interval < 0:
            raise CommandError("--batch-size must be at least 1 and --interval at least 0.")
        if backfill:
            queued = backfill_acknowledgements() + backfill_attempts()
            self.stdout.write(f"{queued} statements queued for earlier records")
        while True:
            report = send_due(batch_size=batch_size)
            health = queue_health()
            if once or report.sent or report.failed:
                self.stdout.write(
                    f"{report.sent} sent, {report.failed} failed; {health.pending} pending, {health.failing} failing"
                )
            if once:
                if not report.reachable:
                    raise CommandError(f"The learning record store could not be reached: {health.last_error}")
                return
            time.sleep(interval)
