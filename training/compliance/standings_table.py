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

from django.db import IntegrityError, connections, router, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.utils import timezone

from policy_content.localized import default_language_code
from policy_content.page_cache import records_changed

from ..choices import Status
from ..models import StandingGeneration, StandingItem, StandingMark, User
from .loader import PERSON_FIELDS, STANDINGS_BATCH, batches, load_people_records, load_requirements
from .rules import ItemStanding, PersonFacts, QuizFacts, due_date_for

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


@receiver(post_migrate, dispatch_uid="standings_table_release")
def _released(sender, using, **kwargs):
    """A release may change the rules themselves: every standing is rebuilt at the next read after `migrate`."""
    if (
        sender.name == "training"
        and StandingGeneration._meta.db_table in connections[using].introspection.table_names()
    ):
        _upsert_counter(StandingGeneration, "id", "value", [1])


def current_generation() -> int:
    return StandingGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0


# The columns `_row` gives, in its order.
ITEM_COLUMNS = (
    "person_id",
    "requirement_id",
    "recheck",
    "completed",
    "due_date",
    "expires_on",
    "warn_from",
    "pending_status",
    "completed_at",
    "acknowledged_version",
    "best_percent",
    "attempts_used",
    "attempts_renewing",
)
DAYS = {"due_date", "expires_on", "warn_from"}


def _row(person: PersonFacts, item: ItemStanding, quiz: QuizFacts | None) -> tuple:
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
    return (
        person.id,
        requirement.id,
        item.recheck is not None,
        completed,
        # A completed item's own due date turns into its expiry as it expires: keep the day-independent one.
        due_date_for(requirement, person) if completed else item.due_date,
        item.expires_on,
        warn_from,
        str(pending),
        item.completed_at,
        item.acknowledged_version,
        item.best_percent,
        quiz.attempts if quiz else 0,
        quiz.attempts_since_last_pass if quiz else 0,
    )


def _insert_items(rows: list[tuple]) -> None:
    """Without a model instance a row: rebuilding everyone writes tens of thousands (COPY on PostgreSQL)."""
    connection = connections[router.db_for_write(StandingItem)]
    quote = connection.ops.quote_name
    table, columns = quote(StandingItem._meta.db_table), ", ".join(quote(column) for column in ITEM_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # psycopg's own cursor: Django's has no COPY; its errors are made Django's as any query's are.
            with connection.wrap_database_errors, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        day, moment = connection.ops.adapt_datefield_value, connection.ops.adapt_datetimefield_value
        adapt = [moment if column == "completed_at" else day if column in DAYS else None for column in ITEM_COLUMNS]
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(ITEM_COLUMNS))})",
            [[to_db(value) if to_db else value for to_db, value in zip(adapt, row, strict=True)] for row in rows],
        )


def refresh(people: QuerySet, *, batch_size: int = STANDINGS_BATCH) -> int:
    """Rebuild the rows of the people in `people` whose rows are stale; the number rebuilt.

    2 queries when every row is current; otherwise 7 for the requirements, and a handful per batch.
    """
    generation = current_generation()
    marks = StandingMark.objects.filter(person_id=OuterRef("pk"))
    stale = list(
        people.order_by("pk")  # two refreshes at once take the same people in the same order
        .exclude(Exists(marks.filter(computed_version=F("version"), computed_generation=generation)))
        .annotate(mark_version=Coalesce(Subquery(marks.values("version")[:1]), Value(0)))
        .values_list("pk", "mark_version")
    )
    if not stale:
        return 0
    requirements = load_requirements(language=default_language_code())
    today = timezone.localdate()  # the rows do not depend on it; the rules need one
    for batch in batches(stale, batch_size):
        versions = dict(batch)
        records = load_people_records(list(versions), requirements)
        items = []
        for row in User.objects.filter(pk__in=list(versions)).values(*PERSON_FIELDS):
            standing = records.standing(row, requirements=requirements, today=today)
            quizzes = records.quizzes.get(row["pk"], {})
            items += [
                _row(standing.person, item, None if item.recheck else quizzes.get(item.requirement.page_id))
                for item in standing.items
            ]
        try:
            with transaction.atomic():
                _write(versions, items, generation)
        except IntegrityError:
            continue  # another refresh wrote these people's rows at the same moment: theirs stand
    return len(stale)


def _delete_items(person_ids: list[int]) -> None:
    """A plain DELETE: Django's would read every row first, for the project's post_delete receivers."""
    connection = connections[router.db_for_write(StandingItem)]
    table, column = connection.ops.quote_name(StandingItem._meta.db_table), connection.ops.quote_name("person_id")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join(['%s'] * len(person_ids))})", person_ids)


def _write(versions: dict[int, int], items: list[tuple], generation: int) -> None:
    _delete_items(list(versions))
    _insert_items(items)
    StandingMark.objects.bulk_create(
        [
            StandingMark(person_id=pk, version=version, computed_version=version, computed_generation=generation)
            for pk, version in versions.items()
        ],
        update_conflicts=True,
        unique_fields=["person"],
        update_fields=["computed_version", "computed_generation"],
    )


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
    return status_q(Status.DONE, today) | status_q(Status.EXPIRES_SOON, today)


def overdue_q(today: datetime.date) -> Q:
    """Overdue, or expired (owed again, and late)."""
    return status_q(Status.OVERDUE, today) | status_q(Status.EXPIRED, today)
