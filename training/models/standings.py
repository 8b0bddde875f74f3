"""The standings table: everyone's standing on every requirement, kept for the reports to filter in SQL.

It is derived data, rebuilt from the records by `training.compliance.standings_table`; nothing here is
evidence. A row stores what does not depend on the day (due date, expiry, what is pending), so the
status of any day is a SQL expression over it. Rows point at people and requirements without
database constraints: a person deleted under a refresh leaves a row nobody reads.
"""

from django.conf import settings
from django.db import models

from ..choices import Status

__all__ = ["StandingGeneration", "StandingItem", "StandingMark"]


class StandingGeneration(models.Model):
    """One row: bumped by every change to what everyone's standing is computed from (content)."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"generation {self.value}"


class StandingMark(models.Model):
    """Per person: how often their records changed, and at which change their rows were computed."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    version = models.PositiveBigIntegerField(default=0)
    computed_version = models.PositiveBigIntegerField(null=True)
    computed_generation = models.PositiveBigIntegerField(null=True)

    def __str__(self):
        return f"person {self.person_id} at {self.version}"


class StandingItem(models.Model):
    """One person's standing on one requirement (or on its re-check), independent of the day."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    requirement = models.ForeignKey(
        "training.Requirement", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    recheck = models.BooleanField(default=False)
    completed = models.BooleanField(default=False)
    due_date = models.DateField()
    expires_on = models.DateField(null=True)
    warn_from = models.DateField(null=True)  # the first day of "expires soon"
    # The status while neither completed nor overdue: to do, re-acknowledge, or no attempts left.
    pending_status = models.CharField(max_length=20, choices=Status.choices, default=Status.TODO)
    # What the export shows besides the status.
    completed_at = models.DateTimeField(null=True)
    acknowledged_version = models.PositiveIntegerField(null=True)
    best_percent = models.PositiveSmallIntegerField(null=True)
    attempts_used = models.PositiveIntegerField(default=0)
    attempts_renewing = models.PositiveIntegerField(default=0)  # since the last pass: those of a renewal

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "requirement", "recheck"], name="standing_item_unique"),
        ]

    def __str__(self):
        return f"person {self.person_id}, requirement {self.requirement_id}"
