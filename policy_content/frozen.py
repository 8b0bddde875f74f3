"""Frozen texts: the exact words readers of a policy version were shown, per language and edition.

A text is frozen whenever a policy page that shows a version goes live: the source page when a version
is published or corrected, a translation when it is published. Publishing the same words again freezes
nothing new; a correction (a minor edit) adds the next edition. A frozen text does not depend on
Wagtail's revisions, so `purge_revisions`, later edits, moves and deleted drafts leave it as it was.

The SHA-256 of a text is taken over the canonical JSON (see `evidence_chain`) of `text_content`.
"""

from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .evidence_chain import append_record, canonical_json, sha256_hex
from .models import FrozenText, PolicyPage, PolicyVersion
from .rendering import html_to_lines

__all__ = [
    "POLICY_TEXT",
    "freeze_page",
    "rendered_text",
    "text_content",
    "text_for_reader",
]

POLICY_TEXT = "policy_text"
_TEXT_FIELDS = ("title", "summary", "body_html", "body_text", "statement")


def rendered_text(*, page: PolicyPage, version: PolicyVersion) -> dict[str, str]:
    """What a reader of `page` is shown, rendered in the page's language exactly as the page renders it."""
    from .acknowledgements import statement_for

    with translation.override(page.locale.language_code):
        body_html = render_to_string("policy_content/includes/policy_body.html", {"page": page}).strip()
        statement = str(statement_for(page=page, version=version))
    return {
        "title": page.title,
        "summary": page.summary or "",
        "body_html": body_html,
        "body_text": "\n".join(html_to_lines(body_html)),
        "statement": statement,
    }


def text_content(
    text: FrozenText, *, policy_id: int | None = None, version_number: int | None = None
) -> dict[str, Any]:
    """The fields a frozen text's SHA-256 covers."""
    if policy_id is None or version_number is None:
        policy_id, version_number = text.version.policy_id, text.version.number
    return {
        "kind": POLICY_TEXT,
        "policy": policy_id,
        "version": version_number,
        "version_id": text.version_id,
        "language": text.language,
        "edition": text.edition,
        "published_at": text.published_at,
        **{name: getattr(text, name) for name in _TEXT_FIELDS},
    }


def _version_shown(page: PolicyPage) -> PolicyVersion | None:
    if not page.live or page.alias_of_id or page.renders_version is None:
        return None
    return PolicyVersion.objects.filter(policy_id=page.source_page.pk, number=page.renders_version).first()


def freeze_page(*, page: PolicyPage, published_at=None) -> FrozenText | None:
    """Freeze what readers of the live `page` are shown now; the latest edition if the words are unchanged.

    `published_at` is when it went live: now, unless history is being loaded.
    """
    version = _version_shown(page)
    if version is None:
        return None
    language = page.locale.language_code
    fields = rendered_text(page=page, version=version)
    with transaction.atomic():
        latest = FrozenText.objects.filter(version=version, language=language).order_by("-edition").first()
        if latest is not None and all(getattr(latest, name) == fields[name] for name in _TEXT_FIELDS):
            return latest
        text = FrozenText(
            version=version,
            language=language,
            edition=latest.edition + 1 if latest else 1,
            published_at=published_at or timezone.now(),
            **fields,
        )
        content = text_content(text, policy_id=version.policy_id, version_number=version.number)
        text.sha256 = sha256_hex(canonical_json(content))
        text.save()
        append_record(kind=POLICY_TEXT, object_id=text.pk, content=content)
    return text


def text_for_reader(*, page: PolicyPage, version: PolicyVersion, sha256: str = "") -> FrozenText | None:
    """The frozen text a reader of `page` was shown: the one named by `sha256`, else the latest edition."""
    language = page.locale.language_code
    texts = FrozenText.objects.filter(version=version, language=language)
    if sha256:
        named = texts.filter(sha256=sha256).first()
        if named is not None:
            return named
    latest = texts.order_by("-edition").first()
    if latest is None and page.renders_version == version.number:
        # Published before texts were frozen: freeze what the page shows now.
        latest = freeze_page(page=page)
    return latest
