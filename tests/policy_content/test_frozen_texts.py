import hashlib

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from policy_content.evidence_chain import canonical_json
from policy_content.frozen import text_content
from policy_content.models import Acknowledgement, EvidenceRecord, FrozenText, PolicyPage
from tests.policy_content.factories import PolicyPageFactory, policy_body_data
from tests.training.auth_helpers import sign_in
from tests.translation_helpers import translate

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


def ack_url(page):
    return page.url + "acknowledge/"


def sign(client, person, page):
    sign_in(client, person)
    form = client.get(page.url).context["acknowledgement_form"]
    data = {
        "version": form.initial["version"],
        "text": form.initial["text"],
        "typed_name": person.name,
        "confirm": "on",
    }
    return client.post(ack_url(page), data, HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="10.1.2.3")


def test_publishing_a_version_freezes_what_readers_are_shown_with_its_sha256():
    policy = PolicyPageFactory(title="Complaints policy", summary="How we handle complaints.", required=True)

    text = FrozenText.objects.get()
    assert (text.version, text.language, text.edition) == (policy.current_version, "en", 1)
    assert text.title == "Complaints policy" and text.summary == "How we handle complaints."
    assert '<h2 id="complaints-heading">Complaints</h2>' in text.body_html
    assert "• Acknowledge it in writing within five working days." in text.body_text.splitlines()
    assert "I confirm that I have read version 1 of “Complaints policy”" in text.statement
    assert text.sha256 == hashlib.sha256(canonical_json(text_content(text))).hexdigest()
    assert EvidenceRecord.objects.filter(kind="policy_text", object_id=str(text.pk)).exists()


def test_the_frozen_html_is_the_html_the_page_serves(client, employee):
    policy = PolicyPageFactory(required=True)
    sign_in(client, employee)

    html = client.get(policy.url).content.decode()

    assert FrozenText.objects.get().body_html in html


def test_a_minor_edit_adds_an_edition_and_republishing_the_same_words_adds_none():
    policy = PolicyPageFactory(required=True)
    publish_change(policy, body=policy_body_data(complaint_days="five"))
    assert FrozenText.objects.count() == 1

    publish_change(policy, body=policy_body_data(complaint_days="three"))

    first, second = FrozenText.objects.order_by("edition")
    assert (first.version, second.version) == (policy.current_version, policy.current_version)
    assert second.edition == 2 and "within three working days" in second.body_text
    assert "within five working days" in first.body_text


def test_a_published_translation_freezes_its_own_text(django_capture_on_commit_callbacks):
    policy = PolicyPageFactory(required=True)
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(policy, "es")

    text = FrozenText.objects.get(language="es")
    assert text.version == policy.current_version
    assert text.title == spanish.title and text.title.startswith("[es] ")
    assert "[es] Purpose" in text.body_text
    assert "He leído la versión 1" in text.statement or "versión 1" in text.statement


def test_old_texts_survive_purge_revisions_and_the_evidence_still_verifies(client, employee, capsys):
    policy = PolicyPageFactory(required=True)
    sign(client, employee, policy)
    policy = publish_change(policy, body=policy_body_data(complaint_days="two"), new_version=True, summary="Faster.")
    publish_change(policy, body=policy_body_data(complaint_days="two"), title="Complaints (corrected)")
    publish_change(policy, body=policy_body_data(complaint_days="two"), title="Complaints (draft)")  # more revisions
    revisions_before = Revision.objects.count()

    call_command("purge_revisions", days=0)
    call_command("verify_evidence")

    assert Revision.objects.count() < revisions_before  # the purge did run
    assert "Evidence intact" in capsys.readouterr().out
    signed = Acknowledgement.objects.get()
    assert signed.text.version.number == 1
    assert "within five working days" in signed.text.body_text
    assert signed.text.sha256 == signed.text_sha256
    # The versions' own revisions are protected from the purge, so comparisons keep working.
    assert all(version.revision is not None for version in policy.versions.all())


def test_acknowledging_records_the_frozen_text_shown_and_the_name_on_the_account(client, employee):
    policy = PolicyPageFactory(required=True)
    employee.name = "Ana Lopes"
    employee.save()

    response = sign(client, employee, policy)

    assert response.status_code == 302
    ack = Acknowledgement.objects.get()
    text = FrozenText.objects.get()
    assert (ack.text, ack.text_sha256) == (text, text.sha256)
    assert (ack.account_name, ack.typed_name) == ("Ana Lopes", "Ana Lopes")
    assert (ack.ip_address, ack.user_agent) == ("10.1.2.3", "Firefox/140")
    record = EvidenceRecord.objects.get(kind="acknowledgement")
    assert (record.object_id, record.person) == (str(ack.pk), employee)


def test_the_acknowledgement_names_the_edition_the_reader_saw_even_after_a_correction(client, employee):
    policy = PolicyPageFactory(required=True)
    sign_in(client, employee)
    form = client.get(policy.url).context["acknowledgement_form"]
    shown = form.initial["text"]
    publish_change(policy, body=policy_body_data(complaint_days="three"))  # corrected while the reader reads

    client.post(
        ack_url(policy),
        {"version": form.initial["version"], "text": shown, "typed_name": employee.name, "confirm": "on"},
    )

    ack = Acknowledgement.objects.get()
    assert ack.text_sha256 == shown and ack.text.edition == 1


def test_acknowledging_costs_a_bounded_number_of_queries(client, employee, django_assert_max_num_queries):
    policy = PolicyPageFactory(required=True)
    sign_in(client, employee)
    form = client.get(policy.url).context["acknowledgement_form"]
    data = {
        "version": form.initial["version"],
        "text": form.initial["text"],
        "typed_name": employee.name,
        "confirm": "on",
    }

    # 24 queries without the evidence; recording it adds five: the frozen text shown, the chain head lock,
    # the chain record, the head update and the receipt's code.
    with django_assert_max_num_queries(ACKNOWLEDGE_MAX_QUERIES):
        response = client.post(ack_url(policy), data)

    assert response.status_code == 302


ACKNOWLEDGE_MAX_QUERIES = 29


def test_frozen_texts_outlive_drafts_and_a_deleted_translation(django_capture_on_commit_callbacks):
    policy = PolicyPageFactory(required=True)
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(policy, "es")
    draft = PolicyPage.objects.get(pk=policy.pk)
    draft.body = policy_body_data(complaint_days="ten")
    draft.save_revision()  # a draft, never published

    Revision.objects.filter(pk=draft.latest_revision_id).delete()
    PolicyPage.objects.get(pk=spanish.pk).delete()
    call_command("verify_evidence")

    assert set(FrozenText.objects.values_list("language", flat=True)) == {"en", "es"}
    assert "within ten working days" not in FrozenText.objects.get(language="en").body_text
