"""Policy evidence in the hash chain: frozen texts and acknowledgements, and what each record covers."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Subquery
from wagtail.models import Locale

from .evidence_chain import EvidenceKind, append_record, register_kind
from .frozen import POLICY_TEXT, text_content
from .models import Acknowledgement, EvidenceRecord, FrozenText

__all__ = [
    "ACKNOWLEDGEMENT",
    "POLICY_TEXT",
    "acknowledgement_content",
    "chain_acknowledgement",
    "record_for",
    "register_policy_kinds",
    "shown_text_sha256",
]

ACKNOWLEDGEMENT = "acknowledgement"


def acknowledgement_content(ack: Acknowledgement) -> dict[str, Any]:
    """The fields of an acknowledgement its chain record covers, in the format it was recorded in.

    Format 1 (before signing required a recent authentication) has the fields up to `user_agent`;
    format 2 adds `format`, how it was signed, the signer's last authentication, and for a paper
    sign-off who recorded it, the date on the paper, the remark and the scan's SHA-256. A renewal
    (an acknowledgement of the same version again, after the first expired) also covers its number.
    """
    content = {
        "kind": ACKNOWLEDGEMENT,
        "id": ack.pk,
        "person": ack.user_id,
        "policy": ack.version.policy_id,
        "version": ack.version.number,
        "version_id": ack.version_id,
        "language": ack.language,
        "text_sha256": ack.text_sha256,
        "statement": ack.statement,
        "typed_name": ack.typed_name,
        "account_name": ack.account_name,
        "acknowledged_at": ack.acknowledged_at,
        "ip_address": ack.ip_address,
        "user_agent": ack.user_agent,
    }
    if ack.evidence_format >= 2:
        content.update(
            format=2,
            method=ack.method,
            authentication_method=ack.authentication_method,
            authenticated_at=ack.authenticated_at,
            recorded_by=ack.recorded_by_id,
            signed_on=ack.signed_on,
            remark=ack.remark,
            scan_sha256=ack.scan_sha256,
        )
    if ack.renewal:
        content["renewal"] = ack.renewal
    return content


def chain_acknowledgement(ack: Acknowledgement) -> EvidenceRecord:
    """Append a just-recorded acknowledgement to the chain (inside the transaction that created it)."""
    return append_record(
        kind=ACKNOWLEDGEMENT, object_id=ack.pk, content=acknowledgement_content(ack), person_id=ack.user_id
    )


def _filtered(queryset, ids: Iterable[str] | None):
    return queryset if ids is None else queryset.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])


def _acknowledgement_contents(ids: Iterable[str] | None) -> dict[str, dict[str, Any]]:
    acks = _filtered(Acknowledgement.objects.select_related("version"), ids)
    return {str(ack.pk): acknowledgement_content(ack) for ack in acks.iterator(chunk_size=2000)}


def _text_contents(ids: Iterable[str] | None) -> dict[str, dict[str, Any]]:
    texts = _filtered(FrozenText.objects.select_related("version"), ids)
    return {str(text.pk): text_content(text) for text in texts.iterator(chunk_size=500)}


def shown_text_sha256(page, version) -> str:
    """The SHA-256 of the latest frozen text of `version` in `page`'s language ("" if none)."""
    language = Subquery(Locale.objects.filter(pk=page.locale_id).values("language_code")[:1])
    latest = (
        FrozenText.objects.filter(version=version, language=language)
        .order_by("-edition")
        .values_list("sha256", flat=True)
        .first()
    )
    return latest or ""


def record_for(kind: str, object_id: Any) -> EvidenceRecord | None:
    return EvidenceRecord.objects.filter(kind=kind, object_id=str(object_id)).first()


def register_policy_kinds() -> None:
    register_kind(EvidenceKind(POLICY_TEXT, _text_contents))
    register_kind(EvidenceKind(ACKNOWLEDGEMENT, _acknowledgement_contents))
