"""Sending queued statements to the learning record store in batches, retrying with exponential backoff."""

import base64
import datetime
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from .learning_record_models import LearningRecord

__all__ = ["LrsAnswer", "QueueHealth", "SendReport", "backoff", "post_statements", "queue_health", "send_due"]

FIRST_RETRY_SECONDS = 30
LONGEST_WAIT = datetime.timedelta(hours=6)
ERROR_MAX_LENGTH = 1000


@dataclass(frozen=True)
class LrsAnswer:
    """What the store said: an HTTP status (0 when it could not be reached) and the start of its reply."""

    status: int
    detail: str = ""

    @property
    def accepted(self) -> bool:
        # 200: stored; 204: every statement was already there, unchanged (a resend after a lost reply).
        return self.status in (200, 204)

    @property
    def unavailable(self) -> bool:
        """The store is down, overloaded or refuses our credentials: nothing else will get through now."""
        return self.status in UNAVAILABLE


# Unreachable (0), credentials refused, too many requests, or a gateway without a store behind it.
UNAVAILABLE = {0, 401, 403, 408, 429, 502, 503, 504}


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    reachable: bool = True


@dataclass(frozen=True)
class QueueHealth:
    """What an administrator needs to see of the outbox."""

    configured: bool
    pending: int
    failing: int
    last_sent_at: datetime.datetime | None
    oldest_pending_at: datetime.datetime | None
    last_error: str


def backoff(attempts: int) -> datetime.timedelta:
    """The wait before the next try after `attempts` failures: 30 s, 1 min, 2 min, ... at most 6 hours."""
    seconds = FIRST_RETRY_SECONDS * 2 ** min(max(attempts - 1, 0), 20)
    return min(datetime.timedelta(seconds=seconds), LONGEST_WAIT)


def post_statements(statements: list[dict]) -> LrsAnswer:
    """POST statements to the store's statements resource, with basic auth and the configured timeout."""
    request = urllib.request.Request(
        f"{settings.TRAINING_LRS_ENDPOINT}/statements",
        data=json.dumps(statements).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"},
    )
    if settings.TRAINING_LRS_KEY:
        token = base64.b64encode(f"{settings.TRAINING_LRS_KEY}:{settings.TRAINING_LRS_SECRET}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=settings.TRAINING_LRS_TIMEOUT_SECONDS) as response:
            return LrsAnswer(response.status, response.read(ERROR_MAX_LENGTH).decode(errors="replace"))
    except urllib.error.HTTPError as error:
        return LrsAnswer(error.code, error.read(ERROR_MAX_LENGTH).decode(errors="replace"))
    except (urllib.error.URLError, OSError, ValueError) as error:
        return LrsAnswer(0, str(getattr(error, "reason", error)))


def _mark_sent(records: list[LearningRecord], *, now: datetime.datetime) -> None:
    LearningRecord.objects.filter(pk__in=[record.pk for record in records]).update(sent_at=now, last_error="")


def _mark_failed(records: list[LearningRecord], answer: LrsAnswer, *, now: datetime.datetime) -> None:
    error = f"HTTP {answer.status}: {answer.detail}" if answer.status else answer.detail
    for record in records:
        attempts = record.attempts + 1
        LearningRecord.objects.filter(pk=record.pk).update(
            attempts=attempts, next_attempt_at=now + backoff(attempts), last_error=error[:ERROR_MAX_LENGTH]
        )


def _send(records: list[LearningRecord], *, now: datetime.datetime) -> SendReport:
    answer = post_statements([record.payload for record in records])
    if answer.accepted:
        _mark_sent(records, now=now)
        return SendReport(sent=len(records))
    if not answer.unavailable and len(records) > 1:
        # The store answered but refused the batch: one bad statement must not hold the others back.
        sent = failed = 0
        for record in records:
            report = _send([record], now=now)
            sent, failed = sent + report.sent, failed + report.failed
            if not report.reachable:
                # The rest stay due, untouched, for the next round.
                return SendReport(sent=sent, failed=failed, reachable=False)
        return SendReport(sent=sent, failed=failed)
    _mark_failed(records, answer, now=now)
    return SendReport(failed=len(records), reachable=not answer.unavailable)


def send_due(*, batch_size: int = 50, max_batches: int | None = None, now=None) -> SendReport:
    """Send every statement that is due, oldest first, batch by batch; stop at the first unreachable store.

    No transaction is held while the store is called, so a slow store never blocks the pages that write.
    """
    sent = failed = batches = 0
    while max_batches is None or batches < max_batches:
        moment = now or timezone.now()
        records = list(LearningRecord.objects.due(moment)[:batch_size])
        if not records:
            break
        report = _send(records, now=moment)
        sent, failed, batches = sent + report.sent, failed + report.failed, batches + 1
        if not report.reachable:
            return SendReport(sent=sent, failed=failed, reachable=False)
    return SendReport(sent=sent, failed=failed)


def queue_health() -> QueueHealth:
    """Pending and failing statements, the last one sent and the latest error (two queries)."""
    unsent = Q(sent_at__isnull=True)
    figures = LearningRecord.objects.aggregate(
        pending=Count("pk", filter=unsent),
        failing=Count("pk", filter=unsent & Q(attempts__gt=0)),
        last_sent_at=Max("sent_at"),
        oldest_pending_at=Min("created_at", filter=unsent),
    )
    latest_error = (
        LearningRecord.objects.failing().order_by("-next_attempt_at").values_list("last_error", flat=True).first()
    )
    return QueueHealth(configured=bool(settings.TRAINING_LRS_ENDPOINT), last_error=latest_error or "", **figures)
