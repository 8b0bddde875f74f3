"""Sending a policy translation for approval: a draft revision from the translated strings, then the workflow.

wagtail-localize's own "save draft" writes the draft onto the live page row (readers would see text
nobody approved); this builds the revision in memory and leaves the live page as it is.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from .rights import may_translate

__all__ = ["NothingToSubmit", "draft_from_translation", "submit_for_approval"]


class NothingToSubmit(Exception):
    """The page is no synchronised translation, or it is already waiting for approval."""


def _translation_for(page: Page) -> Translation:
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        raise NothingToSubmit(page)
    return translation


def draft_from_translation(page: Page, *, user) -> Revision:
    """A new revision of the translated `page` holding the source with its translated strings (untranslated: source)."""
    translation = _translation_for(page)
    source = translation.source
    original = source.as_instance()
    target = type(page).objects.get(pk=page.pk)
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    target.full_clean()
    return target.save_revision(user=user, clean=False)


@transaction.atomic
def submit_for_approval(page: Page, *, user) -> Revision:
    """Draft the translation and start the page's approval workflow; publish directly only where none applies."""
    page = page.specific
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or not may_translate(user, page.locale.language_code):
        raise PermissionDenied
    if page.workflow_in_progress:
        raise NothingToSubmit(page)
    try:
        revision = draft_from_translation(page, user=user)
    except ValidationError as error:
        raise NothingToSubmit(page) from error
    page.refresh_from_db()
    workflow = page.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(page, user)
    elif permissions.can_publish():
        revision.publish(user=user)
    else:
        raise PermissionDenied
    return revision
