"""Recording a paper sign-off on someone's behalf: who may, what is kept, and what is refused."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from policy_content.choices import SignatureMethod
from policy_content.evidence_chain import sha256_hex
from policy_content.evidence_verify import verify_evidence
from policy_content.models import Acknowledgement, EvidenceRecord
from tests.policy_content.factories import SCAN_PDF, PolicyPageFactory, days_ago, sign
from tests.training.factories import AuthenticatorFactory, TeamFactory, UserFactory
from training.compliance.loader import standing_for
from training.models import Requirement

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def policy():
    return PolicyPageFactory(title="Complaints policy", required=True)


@pytest.fixture
def member(manager):
    team = TeamFactory(name="Contact centre")
    team.managers.add(manager)
    return UserFactory(team=team, name="Rui Sousa", preferred_language="pt")


@pytest.fixture
def other_manager(db):
    other = AuthenticatorFactory(user=UserFactory(roles=["Managers", "Employees"])).user
    TeamFactory(name="Front desk").managers.add(other)
    return other


def url(person):
    return f"/admin/training/people/{person.pk}/paper-sign-off/"


def paper(policy, **overrides):
    data = {
        "version": policy.current_version.pk,
        "signed_on": timezone.localdate().isoformat(),
        "remark": "Signed at the induction session; the paper is in the HR file.",
        "scan": SimpleUploadedFile("scan.pdf", SCAN_PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_manager_records_a_paper_sign_off_for_someone_in_their_team(client, manager, member, policy):
    client.force_login(manager)
    assert standing_for(member).item_for_page(policy.pk).is_done is False

    response = client.post(url(member), paper(policy))

    assert response.status_code == 302 and response.url == f"/admin/training/people/{member.pk}/"
    ack = Acknowledgement.objects.get(user=member)
    assert ack.method == SignatureMethod.PAPER and ack.recorded_by == manager
    assert ack.signed_on == timezone.localdate() and "HR file" in ack.remark
    assert ack.scan_sha256 == sha256_hex(SCAN_PDF)
    with ack.scan.open("rb") as scan:
        assert scan.read() == SCAN_PDF
    assert "signed this statement by hand" in ack.statement or "à mão" in ack.statement
    assert ack.ip_address is None and ack.text is None
    assert EvidenceRecord.objects.filter(kind="acknowledgement", object_id=str(ack.pk)).exists()
    assert verify_evidence().intact
    assert standing_for(member).item_for_page(policy.pk).is_done
    (receipt,) = mail.outbox
    assert receipt.to == [member.email] and str(manager) in receipt.body


def test_compliance_records_a_paper_sign_off_for_anyone_even_without_a_scan(client, compliance, policy):
    person = UserFactory(team=TeamFactory())
    client.force_login(compliance)

    response = client.post(url(person), paper(policy, scan=None, remark=None))

    assert response.status_code == 302
    ack = Acknowledgement.objects.get(user=person)
    assert ack.recorded_by == compliance and not ack.scan and ack.scan_sha256 == ""


def test_the_form_is_a_wagtail_admin_page_about_the_person(client, manager, member, policy):
    client.force_login(manager)

    response = client.get(url(member))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Record a paper sign-off" in html and "Rui Sousa" in html
    assert 'enctype="multipart/form-data"' in html and "Complaints policy, version 1" in html


@pytest.mark.parametrize("who", ["other_manager", "editor"])
def test_people_who_may_not_read_the_persons_records_cannot_record_a_paper_sign_off(
    client, request, who, member, policy
):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url(member)).status_code == 403
    assert client.post(url(member), paper(policy)).status_code == 403
    assert not Acknowledgement.objects.exists()


def test_an_employee_without_admin_access_is_sent_to_sign_in_and_nothing_is_written(client, employee, member, policy):
    client.force_login(employee)

    response = client.post(url(member), paper(policy))

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Acknowledgement.objects.exists()


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_written(client, member, policy):
    response = client.post(url(member), paper(policy))

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"signed_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "cannot be in the future"),
        ({"signed_on": "30/30/2026"}, "Give the date on the paper as a date"),
        ({"signed_on": ""}, "Give the date written on the paper."),
        ({"version": ""}, "Choose the policy version the person signed."),
        ({"version": "999999"}, "Choose a policy version from the list."),
        ({"scan": SimpleUploadedFile("scan.pdf", b"GIF89a not a pdf")}, "must be a PDF, PNG or JPEG file"),
        ({"scan": SimpleUploadedFile("scan.exe", b"MZ\x90\x00")}, "must be a PDF, PNG or JPEG file"),
        ({"scan": SimpleUploadedFile("scan.pdf", b"")}, "The submitted file is empty."),
        ({"remark": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_written(
    client, manager, member, policy, overrides, message
):
    client.force_login(manager)
    records = EvidenceRecord.objects.count()

    response = client.post(url(member), paper(policy, **overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Acknowledgement.objects.exists() and EvidenceRecord.objects.count() == records


def test_a_scan_over_the_size_limit_is_refused(client, manager, member, policy, settings):
    settings.TRAINING_SCAN_MAX_BYTES = 1000
    client.force_login(manager)

    response = client.post(url(member), paper(policy, scan=SimpleUploadedFile("big.png", PNG + b"\x00" * 1000)))

    assert response.status_code == 400 and "The scan is too large (1.0\xa0KB); the limit is 1000\xa0bytes." in (
        response.content.decode()
    )
    assert not Acknowledgement.objects.exists()


def test_a_date_before_the_version_was_published_is_refused(client, manager, member, policy):
    client.force_login(manager)
    before = timezone.localdate(policy.current_version.published_at) - datetime.timedelta(days=1)

    response = client.post(url(member), paper(policy, signed_on=before.isoformat()))

    assert response.status_code == 400 and "it cannot have been signed before" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_a_version_the_person_already_acknowledged_is_refused(client, manager, member, policy):
    client.force_login(manager)
    client.post(url(member), paper(policy))

    response = client.post(url(member), paper(policy, scan=SimpleUploadedFile("p.png", PNG)))

    assert response.status_code == 400
    assert "Rui Sousa already acknowledged version 1 on" in response.content.decode()
    assert Acknowledgement.objects.count() == 1


def test_a_paper_sign_off_after_an_acknowledgement_expired_renews_it(client, manager, member, policy):
    Requirement.objects.filter(page=policy).update(validity_months=12)
    first = sign(member, policy.current_version, acknowledged_at=days_ago(400))
    assert standing_for(member).item_for_page(policy.pk).is_expired
    client.force_login(manager)

    response = client.post(url(member), paper(policy))

    assert response.status_code == 302
    renewal = Acknowledgement.objects.get(user=member, renewal=1)
    assert renewal.method == SignatureMethod.PAPER
    assert Acknowledgement.objects.get(pk=first.pk).acknowledged_at == first.acknowledged_at
    assert standing_for(member).item_for_page(policy.pk).is_done
    assert verify_evidence().intact
    again = client.post(url(member), paper(policy, scan=SimpleUploadedFile("p.png", PNG)))
    assert again.status_code == 400 and "already acknowledged" in again.content.decode()
