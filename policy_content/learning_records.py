"""xAPI 1.0.3 statements about learning, queued in the outbox in the same transaction as the fact they state.

Nothing here talks to the learning record store: `send_learning_records` does, from the outbox. Every feature
that records a learning fact calls `queue_statement` inside the transaction that records it; it does nothing
while no store is configured (`TRAINING_LRS_ENDPOINT`).
"""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from .learning_record_models import LearningRecord

__all__ = [
    "ACKNOWLEDGED",
    "ATTEMPTED",
    "COMPLETED_REFRESHER",
    "CONVERSATION_TYPE",
    "FAILED",
    "PASSED",
    "POLICY_VERSION_TYPE",
    "QUIZ_TYPE",
    "REFRESHER_TYPE",
    "Activity",
    "Verb",
    "activity_url",
    "actor_for",
    "backfill_acknowledgements",
    "lrs_configured",
    "queue_acknowledgement",
    "queue_statement",
    "queued_subjects",
    "registration_for",
    "xapi_duration",
    "xapi_language",
    "xapi_timestamp",
]

XAPI_VERSION = "1.0.3"
PLATFORM = "Service Training"
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
# European Portuguese is the product's "pt"; the other languages need no region.
XAPI_LANGUAGE_TAGS = {"pt": "pt-PT", "en": "en", "es": "es", "el": "el"}


@dataclass(frozen=True)
class Verb:
    """A verb of ADL's vocabulary, with its English display."""

    id: str
    display: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "display": {"en-US": self.display}}


ATTEMPTED = Verb(ADL_VERBS + "attempted", "attempted")
PASSED = Verb(ADL_VERBS + "passed", "passed")
FAILED = Verb(ADL_VERBS + "failed", "failed")
# Signing a policy version completes the duty to read and accept it; the activity type says what was completed.
ACKNOWLEDGED = Verb(ADL_VERBS + "completed", "completed")
COMPLETED_REFRESHER = Verb(ADL_VERBS + "completed", "completed")

POLICY_VERSION_TYPE = ADL_ACTIVITIES + "lesson"
QUIZ_TYPE = ADL_ACTIVITIES + "assessment"
CONVERSATION_TYPE = ADL_ACTIVITIES + "simulation"
REFRESHER_TYPE = ADL_ACTIVITIES + "module"


@dataclass(frozen=True)
class Activity:
    """The statement's object: a stable IRI, its kind (an ADL activity type) and its name in one language."""

    id: str
    type: str
    name: str
    language: str = "en"

    def as_json(self) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": self.id,
            "definition": {"type": self.type, "name": {xapi_language(self.language): self.name}},
        }


def lrs_configured() -> bool:
    return bool(getattr(settings, "TRAINING_LRS_ENDPOINT", ""))


def activity_url(*parts: object) -> str:
    """A stable activity id under the site's address: ids, never slugs or titles, so renaming changes nothing."""
    return "/".join([settings.SITE_URL.rstrip("/"), "xapi", "activities", *(str(part) for part in parts)])


def registration_for(subject: str, started_at: datetime.datetime) -> str:
    """The same UUID for every statement of one attempt (context.registration)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, activity_url("registrations", subject, xapi_timestamp(started_at))))


def xapi_language(code: str) -> str:
    return XAPI_LANGUAGE_TAGS.get(code, code or "en")


def xapi_timestamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def xapi_duration(start: datetime.datetime, end: datetime.datetime) -> str:
    seconds = max((end - start).total_seconds(), 0)
    return f"PT{seconds:.2f}S"


def actor_for(user) -> dict[str, Any]:
    """The person: by e-mail (mbox), or by an account on this site when TRAINING_LRS_ACTOR is "account"."""
    if getattr(settings, "TRAINING_LRS_ACTOR", "mbox") == "account" or not user.email:
        return {"objectType": "Agent", "account": {"homePage": settings.SITE_URL, "name": str(user.pk)}}
    actor = {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
    name = getattr(user, "name", "") or ""
    return {**actor, "name": name} if name else actor


def queue_statement(
    *,
    subject: str,
    user,
    verb: Verb,
    activity: Activity,
    timestamp: datetime.datetime,
    result: dict[str, Any] | None = None,
    language: str = "",
    registration: str = "",
) -> LearningRecord | None:
    """Queue one statement about `user` for the store; call it inside the transaction that records the fact.

    `subject` names the fact once ("refresher:<pk>"): queuing the same subject again returns the first record,
    so nothing is counted twice. Returns None, and queues nothing, while no store is configured.
    """
    if not lrs_configured():
        return None
    # Random, and kept in the outbox: every resend carries the same id, and no two databases share one.
    statement_id = str(uuid.uuid4())
    context: dict[str, Any] = {"platform": PLATFORM}
    if language:
        context["language"] = xapi_language(language)
    if registration:
        context["registration"] = registration
    payload: dict[str, Any] = {
        "id": statement_id,
        "actor": actor_for(user),
        "verb": verb.as_json(),
        "object": activity.as_json(),
        "context": context,
        "timestamp": xapi_timestamp(timestamp),
        "version": XAPI_VERSION,
    }
    if result is not None:
        payload["result"] = result
    record, _created = LearningRecord.objects.get_or_create(
        subject=subject,
        defaults={
            "statement_id": statement_id,
            "verb": verb.id,
            "payload": payload,
            "created_at": timezone.now(),
            "next_attempt_at": timezone.now(),
        },
    )
    return record


def queue_acknowledgement(acknowledgement) -> LearningRecord | None:
    """The statement that a person acknowledged one policy version: completed, with the words they agreed to."""
    if not lrs_configured():
        return None
    version = acknowledgement.version
    return queue_statement(
        subject=f"acknowledgement:{acknowledgement.pk}",
        user=acknowledgement.user,
        verb=ACKNOWLEDGED,
        activity=Activity(
            id=activity_url("policies", version.policy_id, "versions", version.number),
            type=POLICY_VERSION_TYPE,
            name=f"{version.policy.title} (v{version.number})",
            language=version.policy.locale.language_code,
        ),
        timestamp=acknowledgement.acknowledged_at,
        result={"completion": True, "success": True, "response": acknowledgement.statement},
        language=acknowledgement.language,
    )


def queued_subjects(prefix: str) -> set[str]:
    return set(LearningRecord.objects.filter(subject__startswith=prefix).values_list("subject", flat=True))


def backfill_acknowledgements() -> int:
    """Queue the statements of acknowledgements recorded before a store was configured; returns how many."""
    from .models import Acknowledgement

    if not lrs_configured():
        return 0
    done = queued_subjects("acknowledgement:")
    queued = 0
    for acknowledgement in Acknowledgement.objects.select_related("user", "version__policy__locale").order_by("pk"):
        if f"acknowledgement:{acknowledgement.pk}" not in done:
            queue_acknowledgement(acknowledgement)
            queued += 1
    return queued
