"""Acknowledging a policy version: who owes what, the statement, and recording it exactly once."""

import datetime
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from .cached_rendering import body_html, cached_changes_for_reader
from .choices import SignatureMethod
from .evidence import chain_acknowledgement, shown_text_sha256
from .learning_records import queue_acknowledgement
from .localized import source_ids
from .models import Acknowledgement, FrozenText, PolicyPage, PolicyVersion
from .reader import reader_item, reader_standing
from .reader_routing import stale_translation_note
from .versions import acknowledgeable_version

__all__ = [
    "AcknowledgementForm",
    "AcknowledgementRefused",
    "LibraryEntry",
    "Reading",
    "Signature",
    "check_version",
    "current_readings",
    "library_entries",
    "reading_context",
    "record_acknowledgement",
    "statement_for",
]

USER_AGENT_MAX_LENGTH = 1000


class AcknowledgementRefused(Exception):
    """An acknowledgement that cannot be recorded, with the reason to show and the HTTP status."""

    def __init__(self, message: str, *, status: int = 400, current: PolicyVersion | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.current = current


def _normalise_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


class AcknowledgementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    # The SHA-256 of the frozen text on the page the reader signed from.
    text = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    typed_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        help_text=_("Type your name as it appears on your account; it serves as your signature."),
    )
    confirm = forms.BooleanField(
        label=_("I agree with the statement above."),
        error_messages={"required": _("Tick the box to confirm you agree with the statement.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["typed_name"].error_messages["required"] = _("Type your full name to sign.")

    def clean_typed_name(self):
        typed = " ".join(self.cleaned_data["typed_name"].split())
        expected = getattr(self.user, "name", "") or ""
        if len(typed) < 2:
            raise forms.ValidationError(_("Type your full name to sign."))
        if expected and _normalise_name(typed) != _normalise_name(expected):
            raise forms.ValidationError(
                _("The name must match the one on your account: %(name)s.") % {"name": expected}
            )
        return typed


def statement_for(*, page: PolicyPage, version: PolicyVersion, paper: bool = False) -> str:
    """What a person agrees to and what their signature means, in the active language; stored word for word."""
    agreement = gettext(
        "I confirm that I have read version %(number)s of “%(title)s”, that I understand it, "
        "and that I will follow it in my work."
    ) % {"number": version.number, "title": page.title}
    if paper:
        meaning = gettext("I signed this statement by hand, on paper.")
    else:
        meaning = gettext(
            "Typing my full name, while signed in to my own account and after confirming who I am, "
            "is my electronic signature: it means the same as signing this statement by hand."
        )
    return f"{agreement} {meaning}"


def check_version(*, page: PolicyPage, submitted_version_id: int) -> PolicyVersion:
    """The version to record, or a refusal: nothing to sign, an old version, or a foreign one."""
    current = acknowledgeable_version(page)
    if current is None and page.current_version is not None:
        raise AcknowledgementRefused(
            gettext(
                "This translation shows version %(old)s, but version %(new)s is in force. "
                "Read version %(new)s in one of the languages below and acknowledge it there."
            )
            % {"old": page.renders_version or "?", "new": page.current_version.number},
            status=409,
            current=page.current_version,
        )
    if current is None:
        raise AcknowledgementRefused(gettext("This policy has no published version to acknowledge yet."), status=409)
    if not page.source_page.acknowledgement_required:
        raise AcknowledgementRefused(gettext("This policy does not ask for an acknowledgement."), status=400)
    if submitted_version_id == current.pk:
        return current
    older = PolicyVersion.objects.filter(pk=submitted_version_id, policy_id=current.policy_id).first()
    if older is not None:
        raise AcknowledgementRefused(
            gettext(
                "Version %(old)s is no longer in force, so it cannot be acknowledged. "
                "Read the current version (%(new)s) and acknowledge that one."
            )
            % {"old": older.number, "new": current.number},
            status=409,
            current=current,
        )
    raise AcknowledgementRefused(gettext("This acknowledgement does not belong to this policy."), status=400)


@dataclass(frozen=True)
class Signature:
    """How an acknowledgement was signed: online after an authentication, or on paper, recorded by someone."""

    method: str = SignatureMethod.ONLINE
    authentication_method: str = ""
    authenticated_at: datetime.datetime | None = None
    recorded_by: Any = None
    signed_on: datetime.date | None = None
    remark: str = ""
    scan: Any = ""
    scan_sha256: str = ""

    def values(self) -> dict[str, Any]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def record_acknowledgement(
    *,
    user,
    version: PolicyVersion,
    statement: str,
    typed_name: str,
    language: str,
    ip_address: str | None,
    user_agent: str,
    text: FrozenText | None = None,
    acknowledged_at=None,
    signature: Signature | None = None,
    renew: bool | Callable[[], bool] = False,
) -> tuple[Acknowledgement, bool]:
    """Record one acknowledgement per person and version, and chain it; a repeat returns the latest one.

    With `renew` (the person's acknowledgement of this version has expired or expires soon) a fresh one is recorded
    beside the earlier ones, numbered as the next renewal; a repeat of that returns it. A callable is
    asked only when there is an earlier acknowledgement, so a first one costs no standing.

    `text` is the frozen text the reader was shown; its hash is recorded with the acknowledgement.
    `acknowledged_at` is the clock, except when the demo loads past acknowledgements or a paper sign-off
    is recorded. `signature` says how it was signed (online, with no authentication known, by default).
    """
    signature = signature or Signature()
    existing = Acknowledgement.objects.filter(user=user, version=version).order_by("-renewal").first()
    if existing is not None and not (renew() if callable(renew) else renew):
        return existing, False
    renewal = existing.renewal + 1 if existing is not None else 0
    try:
        with transaction.atomic():
            acknowledgement = Acknowledgement.objects.create(
                user=user,
                version=version,
                statement=statement,
                typed_name=typed_name,
                account_name=getattr(user, "name", "") or "",
                language=language,
                ip_address=ip_address,
                user_agent=(user_agent or "")[:USER_AGENT_MAX_LENGTH],
                text=text,
                text_sha256=text.sha256 if text else "",
                acknowledged_at=acknowledged_at or timezone.now(),
                renewal=renewal,
                **signature.values(),
            )
            chain_acknowledgement(acknowledgement)
            queue_acknowledgement(acknowledgement)
    except IntegrityError:
        # The same person submitted twice at once: the other request recorded it.
        return Acknowledgement.objects.get(user=user, version=version, renewal=renewal), False
    return acknowledgement, True


@dataclass(frozen=True)
class Reading:
    """The policy in one language: where to read the version in force."""

    language_code: str
    language_name: str
    url: str


def current_readings(page: PolicyPage, *, request=None) -> list[Reading]:
    """The languages in which `page`'s policy shows the version in force, the default language first."""
    current = page.current_version
    if current is None:
        return []
    source = page.source_page
    readings = []
    translations = (
        PolicyPage.objects.filter(translation_key=source.translation_key, live=True)
        .select_related("locale")
        .order_by("locale__pk")
    )
    for translation in translations:
        if translation.pk != source.pk and translation.renders_version != current.number:
            continue
        code = translation.locale.language_code
        readings.append(Reading(code, get_language_info(code)["name_local"], translation.get_url(request)))
    return readings


def reading_context(*, page: PolicyPage, request, form: AcknowledgementForm | None = None) -> dict:
    """Everything the policy page shows around the text: version, changelog, the reader's standing."""
    source = page.source_page
    versions = list(PolicyVersion.objects.filter(policy_id=source.pk).order_by("-number"))
    for version in versions:
        # The version this page renders has its summary in the page's language; older ones as written.
        translated = page.version_summary if page.pk != source.pk and version.number == page.renders_version else ""
        version.summary_shown = translated or version.change_summary
    current = versions[0] if versions else None
    page.__dict__["current_version"] = current
    out_of_date = page.is_out_of_date
    item = reader_item(request, page) if current is not None else None
    live = not getattr(request, "is_preview", False)
    context = {
        "toc": page.section_anchors(),
        "body_html": body_html(page, live=live),
        "current_version": current,
        "out_of_date": out_of_date,
        "shown_version_number": page.renders_version if out_of_date else getattr(current, "number", None),
        "current_readings": current_readings(page, request=request) if out_of_date else [],
        "changelog": versions,
        "acknowledgement_required": source.acknowledgement_required,
        "item": item,
        "last_acknowledged_version": None,
        "changes_since": None,
        "translation_note": "",
        "translation_note_language": "",
    }
    if request.user.is_authenticated and current is not None:
        language = getattr(request.user, "preferred_language", "")
        context["translation_note"] = stale_translation_note(page=page, language=language)
        context["translation_note_language"] = language
    if item is None or (item.is_done and not getattr(item, "is_renewable", False)):
        return context
    if item.needs_reacknowledgement:
        last = next(version for version in versions if version.number == item.acknowledged_version)
        context["last_acknowledged_version"] = last
        context["changes_since"] = cached_changes_for_reader(page=page, old=last, new=current, live=live)
        context["versions_since"] = [version for version in versions if version.number > last.number]
    if not out_of_date:
        context["statement"] = statement_for(page=page, version=current)
        context["acknowledgement_form"] = form or AcknowledgementForm(
            user=request.user,
            initial={"version": current.pk, "typed_name": "", "text": shown_text_sha256(page, current)},
        )
    return context


@dataclass(frozen=True)
class LibraryEntry:
    page: PolicyPage
    current_version: PolicyVersion | None
    item: object | None
    # Where the reader acknowledges it: the page itself, or its source while this translation is out of date.
    url: str = ""


def library_entries(*, request, policies: list[PolicyPage]) -> list[LibraryEntry]:
    """Each policy with its version in force and the reader's standing on it (2 queries and the standing)."""
    sources = source_ids(policies)
    current = {
        version.policy_id: version for version in PolicyVersion.objects.current().filter(policy_id__in=sources.values())
    }
    standing = reader_standing(request)
    stale = [
        sources[page.pk]
        for page in policies
        if sources[page.pk] != page.pk
        and sources[page.pk] in current
        and page.renders_version != current[sources[page.pk]].number
    ]
    source_urls = (
        {source.pk: source.get_url(request) for source in PolicyPage.objects.filter(pk__in=stale)} if stale else {}
    )
    return [
        LibraryEntry(
            page,
            current.get(sources[page.pk]),
            standing.item_for_page(sources[page.pk]) if standing is not None else None,
            source_urls.get(sources[page.pk]) or page.get_url(request),
        )
        for page in policies
    ]
