"""The standings table kept current: marked stale by the record events, rebuilt lazily, read in SQL.

Every write the page cache hears of (`records_changed`) marks what it touches: a person's records
bump their mark's version; content (a page, a requirement, a setting) bumps the one generation.
A person's rows are current when their mark was computed at its present version and generation.
Reading the version and the generation before the records they guard means a change committed
under a refresh leaves the rows stale, never wrong: they are rebuilt at the next read.

Rows are day-independent (see `StandingItem`), so the status of the day is SQL (`status_q`):
midnight needs no rebuild.
"""

from __future__ import annotations

import datetime
from itertools import islice

from django.db import connections, router, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.dispatch import receiver
from django.utils import timezone

from policy_content.localized import default_language_code
from policy_content.page_cache import records_changed

from ..choices import Status
from ..models import StandingGeneration, StandingItem, StandingMark, User
from .loader import PERSON_FIELDS, STANDINGS_BATCH, load_requirements, standings_of
from .rules import ItemStanding, PersonFacts, due_date_for

__all__ = ["current_generation", "done_q", "overdue_q", "refresh", "status_q"]


def _upsert_counter(model, key: str, counter: str, keys: list[int]) -> None:
    """Add one to `counter` of the rows under `keys`, creating them at 1."""
    connection = connections[router.db_for_write(model)]
    table = connection.ops.quote_name(model._meta.db_table)
    key, counter = connection.ops.quote_name(key), connection.ops.quote_name(counter)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({key}, {counter}) VALUES (%s, 1) "
            f"ON CONFLICT ({key}) DO UPDATE SET {counter} = {table}.{counter} + 1",
            [(pk,) for pk in sorted(keys)],  # in order: two writers never wait on each other's rows
        )


@receiver(records_changed, dispatch_uid="standings_table_marks")
def _mark_stale(sender, person_ids=None, **kwargs):
    # Each time, not once a transaction: a savepoint rolled back takes its marks with it.
    if person_ids is None:
        _upsert_counter(StandingGeneration, "id", "value", [1])
    elif ids := [pk for pk in person_ids if pk is not None]:  # None: the evidence of a removed person
        _upsert_counter(StandingMark, "person_id", "version", ids)


def current_generation() -> int:
    return StandingGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def _row(person: PersonFacts, item: ItemStanding) -> StandingItem:
    requirement = item.requirement
    completed = item.completed_at is not None
    if item.needs_reacknowledgement:
        pending = Status.REACKNOWLEDGE
    elif item.attempts_left == 0:
        pending = Status.NO_ATTEMPTS_LEFT
    else:
        pending = Status.TODO
    warn_from = None
    if item.expires_on is not None:
        warn_from = item.expires_on - datetime.timedelta(days=requirement.expiry_warning_days)
    return StandingItem(
        person_id=person.id,
        requirement_id=requirement.id,
        recheck=item.recheck is not None,
        completed=completed,
        # A completed item's own due date turns into its expiry as it expires: keep the day-independent one.
        due_date=due_date_for(requirement, person) if completed else item.due_date,
        expires_on=item.expires_on,
        warn_from=warn_from,
        pending_status=pending,
    )


def _batches(items: list, size: int):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def refresh(people: QuerySet, *, batch_size: int = STANDINGS_BATCH) -> int:
    """Rebuild the rows of the people in `people` whose rows are stale; the number rebuilt.

    2 queries when every row is current; otherwise 7 for the requirements, and a handful per batch.
    """
    generation = current_generation()
    marks = StandingMark.objects.filter(person_id=OuterRef("pk"))
    stale = list(
        people.order_by()
        .exclude(Exists(marks.filter(computed_version=F("version"), computed_generation=generation)))
        .annotate(mark_version=Coalesce(Subquery(marks.values("version")[:1]), Value(0)))
        .values_list("pk", "mark_version")
    )
    if not stale:
        return 0
    requirements = load_requirements(language=default_language_code())
    for batch in _batches(stale, batch_size):
        versions = dict(batch)
        rows = list(User.objects.filter(pk__in=list(versions)).values(*PERSON_FIELDS))
        standings = standings_of(rows, requirements=requirements, today=timezone.localdate())
        items = [_row(standing.person, item) for standing in standings.values() for item in standing.items]
        with transaction.atomic():
            # A plain DELETE: Django would otherwise read every row first, for the post_delete receivers.
            StandingItem.objects.filter(person_id__in=list(versions))._raw_delete(StandingItem.objects.db)
            StandingItem.objects.bulk_create(items, batch_size=1000, ignore_conflicts=True)
            StandingMark.objects.bulk_create(
                [
                    StandingMark(
                        person_id=pk, version=version, computed_version=version, computed_generation=generation
                    )
                    for pk, version in versions.items()
                ],
                update_conflicts=True,
                unique_fields=["person"],
                update_fields=["computed_version", "computed_generation"],
            )
    return len(stale)


# The status of a day, in SQL ----------------------------------------------------------------------


def status_q(status: str, today: datetime.date) -> Q:
    """The rows whose status on `today` is `status`: the rules of `rules.item_standing`, as a filter."""
    completed, pending = Q(completed=True), Q(completed=False)
    return {
        Status.EXPIRED: completed & Q(expires_on__lte=today),
        Status.EXPIRES_SOON: completed & Q(warn_from__lte=today, expires_on__gt=today),
        Status.DONE: completed & (Q(expires_on__isnull=True) | Q(warn_from__gt=today)),
        Status.OVERDUE: pending & Q(due_date__lt=today),
    }.get(status, pending & Q(due_date__gte=today, pending_status=status))


def done_q(today: datetime.date) -> Q:
    """Completed and still counting: done, or expiring soon."""
    return Q(completed=True) & (Q(expires_on__isnull=True) | Q(expires_on__gt=today))


def overdue_q(today: datetime.date) -> Q:
    """Overdue, or expired (owed again, and late)."""
    return status_q(Status.OVERDUE, today) | status_q(Status.EXPIRED, today)
