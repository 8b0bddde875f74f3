"""Receipts: what a person signed, with the code that finds its record in the evidence chain."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from .evidence import ACKNOWLEDGEMENT
from .models import Acknowledgement, EvidenceRecord

logger = logging.getLogger(__name__)

__all__ = ["Receipt", "receipt_for", "receipt_of", "receipts_for", "send_receipt"]


@dataclass(frozen=True)
class Receipt:
    acknowledgement: Acknowledgement
    title: str
    version_number: int
    language: str
    language_name: str
    statement: str
    code: str
    text_sha256: str
    text_url: str
    verify_url: str
    signed_how: str = ""
    signed_on: object = None

    @property
    def acknowledged_at(self):
        return self.acknowledgement.acknowledged_at


def _receipt(ack: Acknowledgement, record: EvidenceRecord | None) -> Receipt:
    code = record.code if record else ""
    text = ack.text
    return Receipt(
        acknowledgement=ack,
        title=text.title if text else ack.version.policy.title,
        version_number=ack.version.number,
        language=ack.language,
        language_name=get_language_info(ack.language)["name_local"] if ack.language else "",
        statement=ack.statement,
        code=code,
        text_sha256=ack.text_sha256,
        text_url=reverse("evidence:text", args=[text.sha256]) if text else "",
        verify_url=f"{reverse('evidence:verify')}?code={code}" if code else "",
        signed_how=str(ack.signature_display()),
        signed_on=ack.signed_on,
    )


def receipts_for(acknowledgements: list[Acknowledgement]) -> list[Receipt]:
    """Receipts for acknowledgements loaded with `select_related("version__policy", "text", "recorded_by")`
    (one query more)."""
    records = {
        record.object_id: record
        for record in EvidenceRecord.objects.filter(
            kind=ACKNOWLEDGEMENT, object_id__in=[str(ack.pk) for ack in acknowledgements]
        )
    }
    return [_receipt(ack, records.get(str(ack.pk))) for ack in acknowledgements]


def receipt_for(ack: Acknowledgement) -> Receipt:
    return receipts_for([ack])[0]


def receipt_of(*, user, version) -> Receipt | None:
    """The receipt of `user`'s acknowledgement of `version`, if they gave one (two queries)."""
    ack = (
        Acknowledgement.objects.filter(user=user, version=version)
        .select_related("version__policy", "text", "recorded_by")
        .first()
    )
    return receipt_for(ack) if ack else None


def send_receipt(receipt: Receipt, *, to: str, language: str) -> bool:
    """E-mail the receipt in `language`; False (and a log line) when the mail server refuses it."""
    site = settings.SITE_URL
    with translation.override(language):
        context = {
            "receipt": receipt,
            "text_url": f"{site}{receipt.text_url}" if receipt.text_url else "",
            "verify_url": f"{site}{receipt.verify_url}" if receipt.verify_url else "",
            "LANGUAGE_CODE": language,
        }
        subject = " ".join(render_to_string("policy_content/emails/receipt_subject.txt", context).split())
        text = render_to_string("policy_content/emails/receipt.txt", context)
        html = render_to_string("policy_content/emails/receipt.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError:
        logger.exception("Could not e-mail the receipt of acknowledgement %s", receipt.acknowledgement.pk)
        return False
    return True
