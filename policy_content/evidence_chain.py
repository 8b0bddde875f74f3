"""The append-only hash chain over evidence, and the canonical serialisation every hash is taken over.

Canonical serialisation: JSON, UTF-8, keys sorted, no spaces (separators "," and ":"), non-ASCII
characters written as themselves, date-times as ISO 8601 in UTC with microseconds, decimals as
strings. Hashes are SHA-256 over those bytes, written as 64 lower-case hexadecimal digits.

A record's content hash covers the evidence row it stands for (an acknowledgement, a submitted quiz
attempt, a frozen policy text). Its chain hash covers the record itself:
``{"content_sha256", "kind", "object_id", "person", "previous_sha256", "recorded_at", "sequence"}``,
where ``previous_sha256`` is the chain hash of the record before (64 zeros for the first one). Sequence
numbers start at 1 and have no gap. A record's verification code is the first 12 characters of the
base32 encoding of its chain hash's 32 bytes.

Other apps add kinds of evidence with `register_kind`; appends are serialised by locking the one
`EvidenceChainHead` row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite allows one writer at a time).
"""

import base64
import datetime
import decimal
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import EvidenceChainHead, EvidenceRecord

__all__ = [
    "GENESIS_SHA256",
    "EvidenceKind",
    "append_record",
    "canonical_json",
    "chain_fields",
    "chain_sha256",
    "kinds",
    "register_kind",
    "sha256_hex",
    "verification_code",
]

GENESIS_SHA256 = "0" * 64
CODE_LENGTH = 12


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
        return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def canonical_json(data: dict[str, Any]) -> bytes:
    """The bytes every evidence hash is taken over (see the module docstring)."""
    return json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chain_fields(record: EvidenceRecord) -> dict[str, Any]:
    """What a record's chain hash covers."""
    return {
        "content_sha256": record.content_sha256,
        "kind": record.kind,
        "object_id": record.object_id,
        "person": record.person_id,
        "previous_sha256": record.previous_sha256,
        "recorded_at": record.recorded_at,
        "sequence": record.sequence,
    }


def chain_sha256(record: EvidenceRecord) -> str:
    return sha256_hex(canonical_json(chain_fields(record)))


def verification_code(chain_hash: str) -> str:
    """A short code for receipts: the first 12 base32 characters of the chain hash."""
    return base64.b32encode(bytes.fromhex(chain_hash)).decode("ascii")[:CODE_LENGTH]


@dataclass(frozen=True)
class EvidenceKind:
    """A kind of evidence row and how to read its content, for verification and evidence packs.

    `contents(ids)` returns {object id: content dict} for the given ids, or for every row of the kind that
    belongs in the chain when `ids` is None.
    """

    name: str
    contents: Callable[[Iterable[str] | None], dict[str, dict[str, Any]]]


_kinds: dict[str, EvidenceKind] = {}


def register_kind(kind: EvidenceKind) -> None:
    _kinds[kind.name] = kind


def kinds() -> dict[str, EvidenceKind]:
    return dict(_kinds)


def append_record(
    *,
    kind: str,
    object_id: Any,
    content: dict[str, Any],
    person_id: int | None = None,
    now=None,
    models=(EvidenceRecord, EvidenceChainHead),
) -> EvidenceRecord:
    """Add one record at the end of the chain; call it in the transaction that writes the evidence row.

    Three queries: lock the head, insert the record, move the head. `models` lets a data migration pass
    its historical models.
    """
    record_model, head_model = models
    if record_model is EvidenceRecord and kind not in _kinds:
        raise ValueError(f"Unknown evidence kind: {kind}")
    # No savepoint of its own: a failed append must undo the evidence row written with it.
    with transaction.atomic(savepoint=False):
        head, _created = head_model.objects.select_for_update().get_or_create(pk=1)
        record = record_model(
            sequence=head.sequence + 1,
            kind=kind,
            object_id=str(object_id),
            person_id=person_id,
            content_sha256=sha256_hex(canonical_json(content)),
            previous_sha256=head.chain_sha256 or GENESIS_SHA256,
            recorded_at=now or timezone.now(),
        )
        record.chain_sha256 = chain_sha256(record)
        record.code = verification_code(record.chain_sha256)
        record.save()
        head_model.objects.filter(pk=head.pk).update(
            sequence=record.sequence, chain_sha256=record.chain_sha256, recorded_at=record.recorded_at
        )
    return record
