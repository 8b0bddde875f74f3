"""Readers ask about a section; the question reaches the policy's review, never the acknowledgement."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from policy_content.models import Acknowledgement, ReaderQuestion
from tests.policy_content.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(required=True, title="Customer service policy")


def ask(client, page, **data):
    return client.post(page.url + "ask/", data)


def test_a_reader_asks_about_a_section_and_is_told_where_it_goes(client, employee, policy):
    anchor, heading = policy.section_anchors()[1]
    client.force_login(employee)

    response = ask(client, policy, section=anchor, text="Does this apply to chat as well?")

    assert response.status_code == 302 and response["Location"] == policy.url
    question = ReaderQuestion.objects.get()
    assert (question.policy_id, question.section, question.section_heading) == (policy.pk, anchor, heading)
    assert (question.asked_by, question.language, question.version) == (employee, "en", policy.current_version)
    assert question.resolved_at is None
    assert not Acknowledgement.objects.exists()
    page = client.get(policy.url).content.decode()
    assert "it is not part of your acknowledgement" in page


def test_a_question_from_a_translation_is_filed_under_the_source_policy(client, employee, policy):
    spanish = policy.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    anchor, heading = spanish.section_anchors()[0]
    client.force_login(employee)

    ask(client, spanish, section=anchor, text="¿Y por teléfono?")

    question = ReaderQuestion.objects.get()
    assert (question.policy_id, question.language, question.section_heading) == (policy.pk, "es", heading)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"section": "", "text": ""}, "This field is required."),
        ({"section": "", "text": "?"}, "at least 5 characters"),
        ({"section": "no-such-section", "text": "Is this right?"}, "Select a valid choice."),
        ({"section": "", "text": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_a_bad_question_is_explained_and_nothing_is_kept(client, employee, policy, data, error):
    client.force_login(employee)

    response = ask(client, policy, **data)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not ReaderQuestion.objects.exists()


def test_asking_needs_a_signed_in_reader_and_a_post(client, employee, policy):
    assert client.get(policy.url + "ask/").status_code == 405
    response = ask(client, policy, text="Anonymous question")
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert "A question or a comment on this policy?" not in client.get(policy.url).content.decode()
    assert not ReaderQuestion.objects.exists()


def test_a_section_link_opens_the_form_on_that_section(client, employee, policy):
    anchor, _heading = policy.section_anchors()[2]
    client.force_login(employee)

    html = client.get(policy.url, {"ask": anchor}).content.decode()

    assert "<details open>" in html
    assert f'<option value="{anchor}" selected>' in html


def test_editors_see_open_questions_in_the_review_and_record_what_they_did(client, editor, employee, policy):
    client.force_login(employee)
    ask(client, policy, text="The refund limit is unclear.")
    question = ReaderQuestion.objects.get()
    client.force_login(editor)

    review = client.get(reverse("policy_review_report"), {"state": "all"}).content.decode()
    listing = client.get(reverse("reader_questions:index"), {"policy": policy.pk}).content.decode()
    response = client.post(
        reverse("reader_questions:edit", args=[question.pk]), {"resolution": "Limit stated in section 4."}
    )

    assert f"{reverse('reader_questions:index')}?policy={policy.pk}" in review
    assert "The refund limit is unclear." in listing
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.resolved_at is not None
    assert ReaderQuestion.objects.open().count() == 0


def test_nobody_makes_up_or_deletes_a_readers_question(client, admin_user, employee, policy):
    client.force_login(employee)
    ask(client, policy, text="Who approves refunds?")
    question = ReaderQuestion.objects.get()
    client.force_login(admin_user)

    assert client.get(reverse("reader_questions:index")).status_code == 200
    assert client.post(reverse("reader_questions:delete", args=[question.pk])).status_code in (302, 403)
    assert ReaderQuestion.objects.filter(pk=question.pk).exists()
    assert client.get("/admin/reader-questions/new/").status_code in (302, 403, 404)
