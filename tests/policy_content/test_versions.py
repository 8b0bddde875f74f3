import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from policy_content.models import PolicyPage, PolicyVersion
from policy_content.versions import add_months, review_due_after
from tests.policy_content.factories import PolicyPageFactory, policy_body_data

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


def test_first_publication_creates_version_one(editor):
    page = PolicyPageFactory(user=editor)

    version = page.current_version
    assert version.number == 1
    assert version.revision_id == page.live_revision_id
    assert version.published_by == editor
    assert version.published_at == page.last_published_at


def test_minor_edit_publishes_without_a_new_version():
    page = PolicyPageFactory()

    page = publish_change(page, new_version=False)

    assert page.versions.count() == 1
    assert "two working days" in str(page.body[2].value["body"])


def test_new_version_gets_next_number_summary_and_revision(editor):
    page = PolicyPageFactory()

    page = publish_change(page, user=editor, new_version=True, summary="Complaints: two days, not five.")

    version = page.current_version
    assert version.number == 2
    assert version.change_summary == "Complaints: two days, not five."
    assert version.revision_id == page.live_revision_id
    assert version.published_by == editor


def test_new_version_without_summary_is_refused():
    page = PolicyPageFactory()
    page.mark_as_new_version = True
    page.change_summary = "  "

    with pytest.raises(ValidationError) as error:
        page.save_revision()

    assert "change_summary" in error.value.message_dict
    assert page.versions.count() == 1


def test_new_version_request_is_used_up_once_published():
    page = publish_change(PolicyPageFactory(), new_version=True, summary="Changed.")

    assert page.mark_as_new_version is False
    assert page.change_summary == ""
    # Publishing again (a typo fix) does not make a third version.
    publish_change(page)
    assert page.versions.count() == 2


def test_publishing_never_rewrites_the_revision_that_became_a_version():
    page = publish_change(PolicyPageFactory(), new_version=True, summary="Changed.")
    revision = page.current_version.revision

    assert revision.content["mark_as_new_version"] is True
    assert revision.content["change_summary"] == "Changed."


def test_the_editor_starts_the_next_change_unticked_with_the_review_date_publishing_set(client, superuser):
    page = publish_change(PolicyPageFactory(), new_version=True, summary="Changed.")
    client.force_login(superuser)

    form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]

    assert form.initial["mark_as_new_version"] is False
    assert form.initial["change_summary"] == ""
    assert form.initial["review_due"] == page.review_due


def test_review_due_defaults_to_twelve_months_after_the_version():
    page = publish_change(PolicyPageFactory(), new_version=True, summary="Changed.")

    assert page.review_due == review_due_after(page.current_version.published_at)
    assert page.review_due == add_months(timezone.localdate(page.current_version.published_at), 12)


def test_review_due_chosen_by_the_editor_in_the_change_is_kept():
    chosen = timezone.localdate() + datetime.timedelta(days=90)

    page = publish_change(PolicyPageFactory(), new_version=True, summary="Changed.", review_due=chosen)

    assert page.review_due == chosen


def test_add_months_handles_short_months():
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 11, 15), 3) == datetime.date(2026, 2, 15)


def test_scheduled_new_version_is_created_and_dated_when_it_goes_live(editor):
    page = PolicyPageFactory()
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = policy_body_data(complaint_days="two")
    page.mark_as_new_version = True
    page.change_summary = "Scheduled change."
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision(user=editor)
    revision.publish(user=editor)

    assert page.versions.count() == 1, "a scheduled publication is not a version until it goes live"

    went_live = timezone.now() + datetime.timedelta(hours=1, minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=went_live):
        call_command("publish_scheduled")

    version = PolicyPage.objects.get(pk=page.pk).current_version
    assert version.number == 2
    assert version.change_summary == "Scheduled change."
    assert version.published_at == went_live
    assert version.published_by == editor


def test_scheduled_first_publication_waits_for_go_live():
    page = PolicyPageFactory(publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = page.save_revision()
    revision.publish()

    assert not PolicyVersion.objects.filter(policy=page).exists()

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=1, minutes=1)):
        call_command("publish_scheduled")

    assert PolicyPage.objects.get(pk=page.pk).current_version.number == 1


def test_translated_page_publication_creates_no_version():
    from wagtail.models import Locale

    page = PolicyPageFactory()
    spanish = Locale.objects.get(language_code="es")
    translation = page.copy_for_translation(spanish, copy_parents=True)
    translation.mark_as_new_version = True
    translation.change_summary = "Traducción."
    translation.save_revision().publish()

    assert PolicyVersion.objects.filter(policy=translation).count() == 0
    assert translation.current_version == page.current_version
    assert PolicyPage.objects.get(pk=translation.pk).mark_as_new_version is False
