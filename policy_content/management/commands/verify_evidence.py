"""Recompute the evidence chain and every hash it covers; exit non-zero naming the first broken record."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from policy_content.evidence_verify import log_verification, verify_evidence


class Command(BaseCommand):
    help = "Check that no acknowledgement, quiz attempt, frozen text or chain record was altered, removed or added."

    def handle(self, *args, **options):
        verification = verify_evidence()
        log_verification(verification, via="command")
        for problem in verification.problems[1:]:
            self.stderr.write(str(problem))
        if verification.first_problem is not None:
            raise CommandError(
                _("Evidence is not intact. First broken: %(problem)s") % {"problem": verification.first_problem}
            )
        self.stdout.write(
            _("Evidence intact: %(count)s records, head #%(sequence)s %(sha)s.")
            % {"count": verification.records, "sequence": verification.head_sequence, "sha": verification.head_sha256}
        )
