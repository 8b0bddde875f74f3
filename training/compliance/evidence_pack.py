"""Evidence packs: one person's or one policy's acknowledgements, quiz and conversation attempts, verifiable offline.

A pack is a ZIP holding the records as JSON and CSV, each record's exact hashed content, the frozen
texts the acknowledgements point to, the scans of paper sign-offs (named by their SHA-256), the whole hash chain, a SHA256SUMS file that `sha256sum -c`
checks, and a README.txt that says how to check everything with `sha256sum` and Python's hashlib.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from policy_content.evidence import ACKNOWLEDGEMENT, acknowledgement_content
from policy_content.evidence_chain import canonical_json, chain_fields
from policy_content.frozen import POLICY_TEXT, text_content
from policy_content.models import Acknowledgement, EvidenceChainHead, EvidenceRecord
from quizzes.conversation_evidence import CONVERSATION_ATTEMPT, conversation_content
from quizzes.evidence import QUIZ_ATTEMPT, attempt_content
from quizzes.models import ConversationAttempt, QuizAttempt

__all__ = ["csv_cell", "evidence_pack", "pack_records"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ACK_COLUMNS = [
    "sequence",
    "code",
    "id",
    "person",
    "email",
    "name",
    "policy",
    "policy_title",
    "version",
    "language",
    "text_sha256",
    "statement",
    "typed_name",
    "account_name",
    "acknowledged_at",
    "ip_address",
    "user_agent",
    "format",
    "method",
    "signed_how",
    "authentication_method",
    "authenticated_at",
    "recorded_by",
    "signed_on",
    "remark",
    "scan_sha256",
]
ATTEMPT_COLUMNS = [
    "sequence",
    "code",
    "id",
    "person",
    "email",
    "name",
    "quiz",
    "quiz_title",
    "language",
    "score",
    "max_score",
    "percent",
    "passed",
    "started_at",
    "submitted_at",
]
CONVERSATION_COLUMNS = [
    "sequence",
    "code",
    "id",
    "person",
    "email",
    "name",
    "conversation",
    "conversation_title",
    "language",
    "outcome",
    "score",
    "max_score",
    "percent",
    "passed",
    "started_at",
    "submitted_at",
]


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: a leading = + - @ tab or CR gets an apostrophe before it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return out.getvalue().encode("utf-8-sig")


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def pack_records(*, acknowledgements: QuerySet, attempts: QuerySet) -> tuple[list[Acknowledgement], list[QuizAttempt]]:
    """The rows a pack holds, loaded once with what their descriptions need."""
    acks = list(
        acknowledgements.select_related("user", "version__policy", "text__version", "recorded_by").order_by(
            "acknowledged_at"
        )
    )
    tries = list(attempts.filter(submitted_at__isnull=False).select_related("user", "quiz").order_by("submitted_at"))
    return acks, tries


def _records_by_object(kind: str, ids: Iterable[int]) -> dict[str, EvidenceRecord]:
    wanted = [str(pk) for pk in ids]
    return {record.object_id: record for record in EvidenceRecord.objects.filter(kind=kind, object_id__in=wanted)}


def _described(content: dict, record: EvidenceRecord | None, person, **extra) -> dict[str, Any]:
    described = json.loads(canonical_json(content))
    described.update(
        sequence=record.sequence if record else None,
        code=record.code if record else "",
        email=person.email,
        name=person.get_full_name(),
        **extra,
    )
    return described


def _conversation_files(conversations: QuerySet | None, files: dict, sums: list) -> list[dict[str, Any]]:
    """The finished conversation attempts' record files (each with its path of turns) and their rows."""
    if conversations is None:
        return []
    played: list[ConversationAttempt] = list(
        conversations.filter(submitted_at__isnull=False)
        .select_related("user", "conversation")
        .prefetch_related("turns")
        .order_by("submitted_at")
    )
    records = _records_by_object(CONVERSATION_ATTEMPT, (attempt.pk for attempt in played))
    rows = []
    for attempt in played:
        content = conversation_content(attempt, attempt.turns.all())
        record = records.get(str(attempt.pk))
        name = f"records/{CONVERSATION_ATTEMPT}-{attempt.pk}.json"
        files[name] = canonical_json(content)
        if record:
            sums.append((record.content_sha256, name))
        row = _described(content, record, attempt.user, conversation_title=attempt.conversation.title)
        rows.append(row)
    return rows


def evidence_pack(
    *, title: str, acknowledgements: QuerySet, attempts: QuerySet, conversations: QuerySet | None = None
) -> bytes:
    """The ZIP's bytes."""
    acks, tries = pack_records(acknowledgements=acknowledgements, attempts=attempts)
    ack_records = _records_by_object(ACKNOWLEDGEMENT, (ack.pk for ack in acks))
    attempt_records = _records_by_object(QUIZ_ATTEMPT, (attempt.pk for attempt in tries))
    texts = {ack.text.pk: ack.text for ack in acks if ack.text is not None}
    text_records = _records_by_object(POLICY_TEXT, texts)
    files: dict[str, bytes] = {}
    sums: list[tuple[str, str]] = []

    ack_rows = []
    for ack in acks:
        content = acknowledgement_content(ack)
        record = ack_records.get(str(ack.pk))
        files[f"records/acknowledgement-{ack.pk}.json"] = canonical_json(content)
        if record:
            sums.append((record.content_sha256, f"records/acknowledgement-{ack.pk}.json"))
        ack_rows.append(
            _described(
                content,
                record,
                ack.user,
                policy_title=ack.version.policy.title,
                signed_how=str(ack.signature_display()),
                format=content.get("format", 1),
            )
        )
        if ack.scan and ack.scan_sha256:
            name = f"scans/{ack.scan_sha256}.{ack.scan.name.rsplit('.', 1)[-1]}"
            with ack.scan.open("rb") as scan:
                files[name] = scan.read()
            sums.append((ack.scan_sha256, name))
    attempt_rows = []
    for attempt in tries:
        content = attempt_content(attempt)
        record = attempt_records.get(str(attempt.pk))
        files[f"records/quiz_attempt-{attempt.pk}.json"] = canonical_json(content)
        if record:
            sums.append((record.content_sha256, f"records/quiz_attempt-{attempt.pk}.json"))
        attempt_rows.append(_described(content, record, attempt.user, quiz_title=attempt.quiz.title))
    conversation_rows = _conversation_files(conversations, files, sums)
    for text in texts.values():
        files[f"texts/{text.sha256}.json"] = canonical_json(text_content(text))
        sums.append((text.sha256, f"texts/{text.sha256}.json"))
        if str(text.pk) in text_records:
            sums.append((text_records[str(text.pk)].content_sha256, f"texts/{text.sha256}.json"))

    chain = [
        json.loads(canonical_json({**chain_fields(record), "chain_sha256": record.chain_sha256, "code": record.code}))
        for record in EvidenceRecord.objects.order_by("sequence").iterator(chunk_size=2000)
    ]
    head = EvidenceChainHead.objects.filter(pk=1).first()
    files["acknowledgements.json"] = _json(ack_rows)
    files["acknowledgements.csv"] = _csv(ack_rows, ACK_COLUMNS)
    files["quiz_attempts.json"] = _json(attempt_rows)
    files["quiz_attempts.csv"] = _csv(attempt_rows, ATTEMPT_COLUMNS)
    files["conversation_attempts.json"] = _json(conversation_rows)
    files["conversation_attempts.csv"] = _csv(conversation_rows, CONVERSATION_COLUMNS)
    files["chain.jsonl"] = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in chain).encode()
    files["SHA256SUMS"] = "".join(
        f"{digest}  {name}\n" for digest, name in sorted(set(sums), key=lambda s: s[1])
    ).encode()
    files["verify_pack.py"] = (Path(__file__).parent / "evidence_pack_verify.py").read_bytes()
    files["README.txt"] = render_to_string(
        "training/evidence_pack_readme.txt",
        {
            "title": title,
            "made_at": timezone.now(),
            "head_sequence": head.sequence if head else 0,
            "head_sha256": head.chain_sha256 if head else "",
        },
    ).encode("utf-8")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
