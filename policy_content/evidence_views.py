"""Front-end evidence pages: my acknowledgements and receipts, a frozen text, and checking a code."""

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .evidence_verify import verify_record
from .models import Acknowledgement, EvidenceRecord, FrozenText
from .receipts import receipts_for

__all__ = ["my_evidence", "frozen_text", "verify_code"]

_CODE = re.compile(r"^[A-Z2-7]{12}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def sees_all_evidence(user) -> bool:
    """Compliance (and superusers) read every record; others only their own."""
    return user.is_active and user.has_perm("policy_content.view_evidencerecord")


@login_required
def my_evidence(request):
    """The person's acknowledgements, each with its receipt and the text they were shown."""
    acks = list(
        Acknowledgement.objects.filter(user=request.user)
        .select_related("version__policy", "text", "recorded_by")
        .order_by("-acknowledged_at")
    )
    return render(request, "policy_content/evidence/mine.html", {"receipts": receipts_for(acks)})


@login_required
def frozen_text(request, sha256: str):
    """The exact text of a version as a reader was shown it: for those who acknowledged it, and Compliance."""
    if not _SHA256.match(sha256):
        raise Http404
    text = FrozenText.objects.select_related("version__policy").filter(sha256=sha256).first()
    if text is None:
        raise Http404
    if not sees_all_evidence(request.user) and not text.acknowledgements.filter(user=request.user).exists():
        raise PermissionDenied
    return render(request, "policy_content/evidence/text.html", {"text": text})


@login_required
def verify_code(request):
    """Check a receipt's code: is the record it names intact? For the person it belongs to, and Compliance."""
    code = "".join((request.GET.get("code") or "").split()).upper()
    context = {"code": code, "result": None}
    status = 200
    if code:
        record = EvidenceRecord.objects.filter(code=code).first() if _CODE.match(code) else None
        if record is None or not (record.person_id == request.user.pk or sees_all_evidence(request.user)):
            # The same answer for another person's code as for an unknown one: codes reveal nothing.
            context["error"] = _("No record of yours has this code. Check the code on your receipt.")
            status = 404 if _CODE.match(code) else 400
        else:
            context.update(record=record, result=verify_record(record), ack=_acknowledgement_of(record))
    return render(request, "policy_content/evidence/verify.html", context, status=status)


def _acknowledgement_of(record: EvidenceRecord) -> Acknowledgement | None:
    if record.kind != "acknowledgement":
        return None
    return (
        Acknowledgement.objects.select_related("version__policy", "text", "recorded_by")
        .filter(pk=record.object_id)
        .first()
    )
