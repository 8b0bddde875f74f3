import re

import pytest
from django.core import mail
from django.db import connection

from policy_content.models import Acknowledgement, EvidenceRecord, FrozenText
from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import TeamFactory, UserFactory
from tests.translation_helpers import translate

from .test_frozen_texts import sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(title="Complaints policy", required=True)


def test_after_signing_the_reader_sees_a_receipt_with_a_verification_code(client, employee, policy):
    sign(client, employee, policy)

    html = client.get(policy.url).content.decode()

    record = EvidenceRecord.objects.get(kind="acknowledgement")
    assert re.fullmatch(r"[A-Z2-7]{12}", record.code)
    assert "Your receipt" in html and record.code in html
    assert "I confirm that I have read version 1 of “Complaints policy”" in html


def test_the_receipt_is_emailed_in_the_readers_language(client, policy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(policy, "es")
    reader = UserFactory(preferred_language="es", email="lucia@example.com", team=TeamFactory(name="Contact centre"))

    sign(client, reader, spanish)

    record = EvidenceRecord.objects.get(kind="acknowledgement")
    (message,) = mail.outbox
    assert message.to == ["lucia@example.com"]
    assert message.subject.startswith("Recibo")
    assert record.code in message.body and "Versión: 1" in message.body
    assert FrozenText.objects.get(language="es").sha256 in message.body
    assert Acknowledgement.objects.get().language == "es"


def test_a_reader_opens_the_exact_text_they_acknowledged_after_the_policy_changed(client, employee, policy):
    from .policy_helpers import publish_change

    sign(client, employee, policy)
    publish_change(policy, new_version=True, summary="Faster replies.")
    text = Acknowledgement.objects.get().text

    html = client.get(f"/en/evidence/texts/{text.sha256}/").content.decode()

    assert "within five working days" in html and text.sha256 in html
    assert "within two working days" not in html


def test_others_cannot_open_a_text_they_did_not_sign_but_compliance_can(client, employee, compliance, policy):
    sign(client, employee, policy)
    text = FrozenText.objects.get()
    client.force_login(UserFactory())
    assert client.get(f"/en/evidence/texts/{text.sha256}/").status_code == 403
    assert client.get("/en/evidence/texts/not-a-hash/").status_code == 404
    client.force_login(compliance)
    assert client.get(f"/en/evidence/texts/{text.sha256}/").status_code == 200


def test_the_verification_page_says_whether_the_record_is_intact(client, employee, policy):
    sign(client, employee, policy)
    code = EvidenceRecord.objects.get(kind="acknowledgement").code

    intact = client.get("/en/evidence/verify/", {"code": code.lower()})
    with connection.cursor() as cursor:
        cursor.execute("UPDATE policy_content_acknowledgement SET ip_address = '192.0.2.1'")
    altered = client.get("/en/evidence/verify/", {"code": code})

    assert intact.status_code == 200 and "is intact" in intact.content.decode()
    assert altered.status_code == 200 and "no longer matches" in altered.content.decode()


def test_a_code_is_checked_only_for_its_owner_and_compliance(client, employee, compliance, policy):
    sign(client, employee, policy)
    code = EvidenceRecord.objects.get(kind="acknowledgement").code

    client.force_login(UserFactory())
    stranger = client.get("/en/evidence/verify/", {"code": code})
    malformed = client.get("/en/evidence/verify/", {"code": "<script>"})
    client.force_login(compliance)
    allowed = client.get("/en/evidence/verify/", {"code": code})
    client.logout()
    anonymous = client.get("/en/evidence/verify/", {"code": code})

    assert stranger.status_code == 404 and "No record of yours has this code" in stranger.content.decode()
    assert malformed.status_code == 400
    assert allowed.status_code == 200 and "is intact" in allowed.content.decode()
    assert anonymous.status_code == 302


def test_my_acknowledgements_lists_each_receipt(client, employee, policy):
    sign(client, employee, policy)

    html = client.get("/en/evidence/").content.decode()

    assert EvidenceRecord.objects.get(kind="acknowledgement").code in html
    assert FrozenText.objects.get().sha256 in html


def test_compliance_sees_the_evidence_check_in_the_admin_and_others_get_403(client, compliance, manager, policy):
    client.force_login(compliance)
    response = client.get("/admin/evidence/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Evidence intact" in html and "Chain head" in html

    with connection.cursor() as cursor:
        cursor.execute("UPDATE policy_content_frozentext SET title = 'Changed'")
    assert "Evidence is not intact." in client.get("/admin/evidence/").content.decode()

    client.force_login(manager)
    assert client.get("/admin/evidence/").status_code == 403
