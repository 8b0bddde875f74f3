"""Paper sign-offs: someone records that a person signed a paper acknowledgement of a policy version.

A paper sign-off is an acknowledgement like any other (it counts for the person's standing and is in
the evidence chain), signed by hand rather than online: it also holds who recorded it, the date on the
paper, a remark and, if given, the scan, stored privately with its SHA-256 in the chain.
"""

import datetime
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.files import File
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import log

from .acknowledgements import Signature, record_acknowledgement, statement_for
from .audit_log import register_audit_action
from .choices import SignatureMethod
from .models import Acknowledgement, PolicyVersion
from .scans import CheckedScan, ScanRefused, checked_scan

__all__ = [
    "PAPER_SIGN_OFF_ACTION",
    "PaperSignOffForm",
    "already_acknowledged",
    "paper_signed_at",
    "record_paper_sign_off",
]

PAPER_SIGN_OFF_ACTION = "training.paper_sign_off"

REMARK_MAX_LENGTH = 2000


def paper_signed_at(signed_on: datetime.date, version: PolicyVersion) -> datetime.datetime:
    """The moment a paper sign-off counts from: midday of the date on the paper, never before the version."""
    midday = timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time(12)))
    return max(midday, version.published_at)


class PaperSignOffForm(forms.Form):
    """What the person recording a paper sign-off gives: the version, the date on the paper, a remark, a scan."""

    version = forms.ModelChoiceField(
        label=_("Policy version signed"),
        queryset=PolicyVersion.objects.none(),
        empty_label=_("Choose a version"),
        error_messages={
            "required": _("Choose the policy version the person signed."),
            "invalid_choice": _("Choose a policy version from the list."),
        },
    )
    signed_on = forms.DateField(
        label=_("Date on the paper"),
        widget=AdminDateInput,
        help_text=_("The date the person wrote next to their signature."),
        error_messages={
            "required": _("Give the date written on the paper."),
            "invalid": _("Give the date on the paper as a date, for example 2026-11-30."),
        },
    )
    remark = forms.CharField(
        label=_("Remark"),
        required=False,
        max_length=REMARK_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: where the paper is kept, who witnessed it, anything an auditor should know."),
    )
    scan = forms.FileField(
        label=_("Scan of the paper"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
        help_text=_("Optional: a PDF, PNG or JPEG file."),
    )

    def __init__(self, *args, person, expired: Callable[[PolicyVersion], bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        # Whether the person's acknowledgement of a version has expired or expires soon (training's rules):
        # then a paper sign-off dated after it renews it.
        self.expired = expired
        self.renews = False
        self.checked_scan: CheckedScan | None = None
        self.fields["version"].queryset = PolicyVersion.objects.select_related("policy").order_by(
            "policy__title", "-number"
        )

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > timezone.localdate():
            raise forms.ValidationError(gettext("The date on the paper cannot be in the future."))
        return signed_on

    def clean_scan(self):
        upload = self.cleaned_data.get("scan")
        if upload:
            try:
                self.checked_scan = checked_scan(upload)
            except ScanRefused as refusal:
                raise forms.ValidationError(str(refusal)) from refusal
        return upload

    def clean(self):
        cleaned = super().clean()
        version, signed_on = cleaned.get("version"), cleaned.get("signed_on")
        if version is None or signed_on is None:
            return cleaned
        published = timezone.localdate(version.published_at)
        if signed_on < published:
            self.add_error(
                "signed_on",
                gettext("Version %(number)s was published on %(date)s: it cannot have been signed before.")
                % {"number": version.number, "date": date_format(published, "DATE_FORMAT")},
            )
        existing = Acknowledgement.objects.filter(user=self.person, version=version).order_by("-renewal").first()
        if existing is None:
            return cleaned
        signed_after = signed_on > timezone.localdate(existing.acknowledged_at)
        self.renews = signed_after and self.expired is not None and self.expired(version)
        if not self.renews:
            raise forms.ValidationError(already_acknowledged(existing))
        return cleaned


def already_acknowledged(ack: Acknowledgement) -> str:
    return gettext("%(person)s already acknowledged version %(number)s on %(date)s.") % {
        "person": ack.user,
        "number": ack.version.number,
        "date": date_format(timezone.localtime(ack.acknowledged_at), "DATE_FORMAT"),
    }


def record_paper_sign_off(
    *,
    person,
    version: PolicyVersion,
    signed_on: datetime.date,
    recorded_by,
    remark: str = "",
    scan=None,
    checked: CheckedScan | None = None,
    renew: bool = False,
) -> tuple[Acknowledgement, bool]:
    """Record the paper sign-off and chain it; a person who already acknowledged the version gets theirs back.

    With `renew` (their acknowledgement of the version has expired) it is recorded as a renewal beside it.

    `scan` is an uploaded file already checked by `checked_scan` (`checked`); it is stored under its SHA-256.
    """
    if scan is not None and checked is None:
        checked = checked_scan(scan)
    language = getattr(person, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        statement = statement_for(page=version.policy, version=version, paper=True)
    stored = File(scan, name=f"{checked.sha256}.{checked.extension}") if scan is not None else ""
    ack, created = record_acknowledgement(
        user=person,
        version=version,
        statement=statement,
        typed_name=getattr(person, "name", "") or str(person),
        language=language,
        ip_address=None,
        user_agent="",
        acknowledged_at=paper_signed_at(signed_on, version),
        renew=renew,
        signature=Signature(
            method=SignatureMethod.PAPER,
            recorded_by=recorded_by,
            signed_on=signed_on,
            remark=remark,
            scan=stored,
            scan_sha256=checked.sha256 if checked else "",
        ),
    )
    if created:
        log(
            instance=person,
            action=PAPER_SIGN_OFF_ACTION,
            user=recorded_by,
            data={
                "acknowledgement": ack.pk,
                "policy": version.policy.title,
                "version": version.number,
                "signed_on": signed_on.isoformat(),
                "remark": remark,
                "scan_sha256": checked.sha256 if checked else "",
            },
        )
    return ack, created


register_audit_action(
    PAPER_SIGN_OFF_ACTION,
    label=_("Paper sign-off recorded"),
    message=_("Paper sign-off of “%(policy)s” version %(version)s, signed on %(signed_on)s"),
)
