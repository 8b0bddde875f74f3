"""A paper sign-off is evidence: shown as such wherever acknowledgements are, its scan kept private,
and covered by the hash chain so that verify_evidence notices any change made behind the application."""

import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from policy_content.paper_sign_off import record_paper_sign_off
from tests.policy_content.factories import SCAN_PDF, PolicyPageFactory
from tests.training.auth_helpers import sign_in
from tests.training.factories import AuthenticatorFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

SHOWN = "Paper sign-off recorded by Marta Manager"


@pytest.fixture
def policy():
    return PolicyPageFactory(title="Complaints policy", required=True)


@pytest.fixture
def marta(manager):
    manager.name = "Marta Manager"
    manager.save()
    return manager


@pytest.fixture
def member(marta):
    team = TeamFactory(name="Contact centre")
    team.managers.add(marta)
    return UserFactory(team=team, name="Rui Sousa")


@pytest.fixture
def signed(member, marta, policy):
    """Rui's paper sign-off of version 1, with its scan, recorded by Marta."""
    return record_paper_sign_off(
        person=member,
        version=policy.current_version,
        signed_on=timezone.localdate(),
        recorded_by=marta,
        remark="In the HR file.",
        scan=SimpleUploadedFile("scan.pdf", SCAN_PDF),
    )[0]


def scan_url(ack):
    return reverse("training_reports:paper_sign_off_scan", args=[ack.user_id, ack.pk])


def verify_failure() -> str:
    with pytest.raises(CommandError) as error:
        call_command("verify_evidence")
    return str(error.value)


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/training/people/{person}/",
        "/admin/training/acknowledgements/",
        "/admin/training/acknowledgements/?export=csv",
        "/admin/acknowledgements/",
        "/admin/acknowledgements/?export=csv",
        "/admin/acknowledgements/inspect/{ack}/",
    ],
)
def test_the_paper_sign_off_is_shown_as_recorded_by_its_recorder_wherever_acknowledgements_are(
    client, compliance, signed, url
):
    client.force_login(compliance)

    response = client.get(url.format(person=signed.user_id, ack=signed.pk))

    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SHOWN in body.decode("utf-8-sig")


def test_the_person_sees_it_on_their_receipts_and_the_policy_counts_as_acknowledged(client, member, signed, policy):
    sign_in(client, member)

    mine = client.get(reverse("evidence:mine")).content.decode()
    page = client.get(policy.url).content.decode()

    assert SHOWN in mine and SHOWN in page
    assert 'name="typed_name"' not in page


def test_the_evidence_pack_holds_the_scan_and_verifies_offline(client, marta, signed, tmp_path):
    client.force_login(marta)

    response = client.get(f"/admin/training/people/{signed.user_id}/evidence.zip")

    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(tmp_path)
    assert (tmp_path / f"scans/{signed.scan_sha256}.pdf").read_bytes() == SCAN_PDF
    (row,) = json.loads((tmp_path / "acknowledgements.json").read_text())
    assert row["signed_how"] == SHOWN and row["method"] == "paper" and row["scan_sha256"] == signed.scan_sha256
    checked = subprocess.run([sys.executable, "verify_pack.py"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0 and "Pack intact" in checked.stdout
    (tmp_path / f"scans/{signed.scan_sha256}.pdf").write_bytes(SCAN_PDF + b"%")
    checked = subprocess.run([sys.executable, "verify_pack.py"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 1 and "its scan is missing or altered" in checked.stdout


@pytest.mark.parametrize("who", ["marta", "compliance"])
def test_the_scan_is_served_to_those_who_may_read_the_persons_records(client, request, signed, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(scan_url(signed))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert b"".join(response.streaming_content) == SCAN_PDF


def test_the_scan_is_refused_to_everyone_else_and_has_no_public_address(client, signed, employee, member):
    other_manager = AuthenticatorFactory(user=UserFactory(roles=["Managers", "Employees"])).user
    TeamFactory().managers.add(other_manager)
    client.force_login(other_manager)
    assert client.get(scan_url(signed)).status_code == 403
    # Employees, the person included, have no admin access: Wagtail sends them to sign in.
    for person in (employee, member, None):
        client.logout()
        if person:
            client.force_login(person)
        response = client.get(scan_url(signed))
        assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not signed.scan.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        signed.scan.url  # noqa: B018


def test_a_paper_sign_off_is_a_link_of_the_chain(signed, capsys):
    call_command("verify_evidence")

    assert "Evidence intact: 2 records, head #2" in capsys.readouterr().out


@pytest.mark.parametrize(
    "change",
    [
        "remark = 'Signed in front of witnesses.'",
        "signed_on = '2020-01-01'",
        "scan_sha256 = '" + "0" * 64 + "'",
        "recorded_by_id = user_id",
        "method = 'online'",
    ],
)
def test_a_paper_sign_off_changed_with_sql_breaks_verification(signed, change):
    sql(f"UPDATE policy_content_acknowledgement SET {change} WHERE id = %s", [signed.pk])

    message = verify_failure()

    assert f"(acknowledgement {signed.pk})" in message and "was altered" in message


def test_a_scan_replaced_on_disk_breaks_verification(signed):
    with open(signed.scan.path, "wb") as scan:
        scan.write(SCAN_PDF.replace(b"scanned", b"forged!"))

    assert "its scan is not the file that was recorded" in verify_failure()


def test_a_scan_removed_from_disk_breaks_verification(signed):
    signed.scan.storage.delete(signed.scan.name)

    assert "its scan is missing" in verify_failure()


def test_the_time_an_online_signer_last_authenticated_is_covered_by_the_chain(client, employee, policy):
    sign_in(client, employee)
    client.post(
        policy.url + "acknowledge/",
        {"version": policy.current_version.pk, "typed_name": employee.name, "confirm": "on"},
    )
    call_command("verify_evidence")

    sql(
        "UPDATE policy_content_acknowledgement SET authenticated_at = acknowledged_at WHERE user_id = %s", [employee.pk]
    )

    assert "was altered" in verify_failure()
