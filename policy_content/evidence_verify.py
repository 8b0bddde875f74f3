"""Recompute the evidence chain and every hash it covers, and say what does not hold."""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from .audit_log import register_audit_action
from .evidence_chain import GENESIS_SHA256, canonical_json, chain_sha256, kinds, sha256_hex, verification_code
from .frozen import text_content
from .models import Acknowledgement, EvidenceChainHead, EvidenceRecord, FrozenText
from .scans import file_sha256

__all__ = ["VERIFY_ACTION", "Problem", "Verification", "log_verification", "verify_evidence", "verify_record"]

VERIFY_ACTION = "training.verify_evidence"


@dataclass(frozen=True)
class Problem:
    """Something that does not hold; `sequence` is the chain record it concerns (0 when none does)."""

    sequence: int
    kind: str
    object_id: str
    message: str

    def __str__(self):
        if self.sequence:
            return _("Record #%(sequence)s (%(kind)s %(id)s): %(message)s") % {
                "sequence": self.sequence,
                "kind": self.kind,
                "id": self.object_id,
                "message": self.message,
            }
        return _("%(kind)s %(id)s: %(message)s") % {"kind": self.kind, "id": self.object_id, "message": self.message}


@dataclass
class Verification:
    records: int = 0
    head_sequence: int = 0
    head_sha256: str = ""
    head_recorded_at: object = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> Problem | None:
        return self.problems[0] if self.problems else None


def _check_links(verification: Verification, records: list[EvidenceRecord]) -> None:
    previous = GENESIS_SHA256
    for expected, record in enumerate(records, start=1):
        where = (record.sequence, record.kind, record.object_id)
        if record.sequence != expected:
            verification.problems.append(
                Problem(*where, _("expected record #%(expected)s here: a record is missing") % {"expected": expected})
            )
            return
        if record.previous_sha256 != previous:
            verification.problems.append(Problem(*where, _("does not link to the record before it")))
        if chain_sha256(record) != record.chain_sha256 or verification_code(record.chain_sha256) != record.code:
            verification.problems.append(Problem(*where, _("the chain record was altered")))
        previous = record.chain_sha256


def _check_head(verification: Verification, records: list[EvidenceRecord]) -> None:
    head = EvidenceChainHead.objects.filter(pk=1).first()
    last = records[-1] if records else None
    if head is not None:
        verification.head_sequence, verification.head_sha256 = head.sequence, head.chain_sha256
        verification.head_recorded_at = head.recorded_at
    head_pair = (head.sequence, head.chain_sha256) if head else (0, "")
    last_pair = (last.sequence, last.chain_sha256) if last else (0, "")
    if head_pair != last_pair:
        sequence = last.sequence if last else 0
        verification.problems.append(
            Problem(
                sequence,
                last.kind if last else "chain",
                last.object_id if last else "",
                _("the chain ends at record #%(last)s but its head says #%(head)s: records were removed or added")
                % {"last": last_pair[0], "head": head_pair[0]},
            )
        )


def _check_contents(verification: Verification, records: list[EvidenceRecord]) -> None:
    chained: dict[str, set[str]] = {}
    for name, kind in kinds().items():
        contents = kind.contents(None)
        chained[name] = set()
        for record in (record for record in records if record.kind == name):
            chained[name].add(record.object_id)
            where = (record.sequence, record.kind, record.object_id)
            content = contents.get(record.object_id)
            if content is None:
                verification.problems.append(Problem(*where, _("the record it stands for was removed")))
            elif sha256_hex(canonical_json(content)) != record.content_sha256:
                verification.problems.append(Problem(*where, _("the record it stands for was altered")))
        for object_id in sorted(set(contents) - chained[name], key=lambda pk: (len(pk), pk)):
            verification.problems.append(
                Problem(0, name, object_id, _("is not in the chain: it was added outside the application"))
            )
    for record in records:
        if record.kind not in chained:
            verification.problems.append(
                Problem(record.sequence, record.kind, record.object_id, _("unknown kind of evidence"))
            )


def _check_texts(verification: Verification) -> None:
    """Stored text hashes match their texts, and acknowledgements name the text they point to."""
    for text in FrozenText.objects.select_related("version").iterator(chunk_size=500):
        if sha256_hex(canonical_json(text_content(text))) != text.sha256:
            verification.problems.append(Problem(0, "policy_text", str(text.pk), _("its SHA-256 does not match")))
    mismatched = Acknowledgement.objects.filter(text__isnull=False).exclude(text_sha256=F("text__sha256"))
    for pk in mismatched.values_list("pk", flat=True):
        verification.problems.append(
            Problem(0, "acknowledgement", str(pk), _("the text hash it records is not that of its text"))
        )


def _check_scans(verification: Verification) -> None:
    """Each paper sign-off's scan is still the file whose SHA-256 its chained content holds."""
    scanned = Acknowledgement.objects.exclude(scan_sha256="").only("pk", "scan", "scan_sha256")
    for ack in scanned.iterator(chunk_size=500):
        try:
            with ack.scan.open("rb") as scan:
                intact = file_sha256(scan) == ack.scan_sha256
        except (OSError, ValueError):
            verification.problems.append(Problem(0, "acknowledgement", str(ack.pk), _("its scan is missing")))
            continue
        if not intact:
            verification.problems.append(
                Problem(0, "acknowledgement", str(ack.pk), _("its scan is not the file that was recorded"))
            )


def verify_evidence() -> Verification:
    """Check the whole chain; problems are listed in chain order, the first broken record first."""
    verification = Verification()
    records = list(EvidenceRecord.objects.order_by("sequence"))
    verification.records = len(records)
    _check_links(verification, records)
    _check_head(verification, records)
    _check_contents(verification, records)
    _check_texts(verification)
    _check_scans(verification)
    verification.problems.sort(key=lambda problem: (problem.sequence == 0, problem.sequence))
    return verification


def verify_record(record: EvidenceRecord) -> bool:
    """Whether one record holds: its own hash, its link to the one before, and the row it stands for."""
    if chain_sha256(record) != record.chain_sha256 or verification_code(record.chain_sha256) != record.code:
        return False
    before = EvidenceRecord.objects.filter(sequence=record.sequence - 1).values_list("chain_sha256", flat=True).first()
    if record.previous_sha256 != (before if record.sequence > 1 else GENESIS_SHA256):
        return False
    kind = kinds().get(record.kind)
    content = kind.contents([record.object_id]).get(record.object_id) if kind else None
    return content is not None and sha256_hex(canonical_json(content)) == record.content_sha256


def log_verification(verification: Verification, *, by=None, via: str) -> None:
    """Log a check of the evidence chain, with its result, on the chain's head; `via` is "admin" or "command"."""
    first = verification.first_problem
    log(
        instance=EvidenceChainHead(pk=1, sequence=verification.head_sequence),
        action=VERIFY_ACTION,
        user=by,
        title=gettext_lazy("Evidence chain"),
        data={
            "via": via,
            "intact": verification.intact,
            "records": verification.records,
            "head_sequence": verification.head_sequence,
            "head_sha256": verification.head_sha256,
            "problems": len(verification.problems),
            "first_problem": str(first) if first else "",
        },
    )


def _verification_values(data):
    values = {"records": data.get("records", 0), "problems": data.get("problems", 0)}
    values["result"] = gettext_lazy("intact") if data.get("intact") else gettext_lazy("NOT intact")
    return values


register_audit_action(
    VERIFY_ACTION,
    label=gettext_lazy("Evidence verification run"),
    message=gettext_lazy("Evidence chain checked: %(result)s, %(records)s records, %(problems)s problems"),
    values=_verification_values,
)
