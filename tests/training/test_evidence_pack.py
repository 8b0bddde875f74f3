"""Evidence packs: scoped like the reports, and verifiable offline by following their README."""

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from policy_content.models import Acknowledgement
from tests.policy_content.factories import PolicyPageFactory, sign
from tests.training.factories import TeamFactory, UserFactory
from training.compliance.evidence_pack import csv_cell

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(title="Complaints policy")


@pytest.fixture
def team_member(manager):
    team = TeamFactory(name="Contact centre")
    team.managers.add(manager)
    return UserFactory(team=team, name='=HYPERLINK("http://x")', email="member@example.com")


def acknowledge(person, policy):
    return sign(person, policy.current_version, user_agent="@browser")


def unpack(response, folder):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(folder)
    return folder


@pytest.mark.parametrize("csv_value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(csv_value):
    assert csv_cell(csv_value) == "'" + csv_value
    assert csv_cell("Ana") == "Ana"


def test_a_managers_pack_for_a_team_member_verifies_by_following_its_readme(
    client, manager, team_member, policy, tmp_path
):
    ack = acknowledge(team_member, policy)
    client.force_login(manager)

    folder = unpack(client.get(f"/admin/training/people/{team_member.pk}/evidence.zip"), tmp_path)

    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "sha256sum -c SHA256SUMS" in readme and "python3 verify_pack.py" in readme
    # Step 1 of the README, with hashlib (and sha256sum itself where it is installed).
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, check=True, capture_output=True)
    # Step 2: the script shipped in the pack.
    checked = subprocess.run([sys.executable, "verify_pack.py"], cwd=folder, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    assert "Pack intact" in checked.stdout
    # The records and the text they point to.
    assert (folder / f"texts/{ack.text_sha256}.json").exists()
    rows = list(csv.DictReader(io.StringIO((folder / "acknowledgements.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["name"].startswith("'=HYPERLINK") and rows[0]["user_agent"] == "'@browser"
    assert json.loads((folder / "acknowledgements.json").read_text())[0]["id"] == ack.pk


def test_a_pack_whose_record_was_changed_fails_its_own_check(client, compliance, team_member, policy, tmp_path):
    acknowledge(team_member, policy)
    client.force_login(compliance)
    folder = unpack(client.get(f"/admin/training/policies/{policy.pk}/evidence.zip"), tmp_path)
    (record,) = (folder / "records").glob("acknowledgement-*.json")
    record.write_bytes(record.read_bytes().replace(b"10.0.0.1", b"10.0.0.2"))

    checked = subprocess.run([sys.executable, "verify_pack.py"], cwd=folder, capture_output=True, text=True)

    assert checked.returncode == 1 and f"{record.name}: SHA-256 does not match" in checked.stdout


def test_a_policy_pack_holds_only_the_people_in_the_readers_scope(client, manager, team_member, policy, tmp_path):
    acknowledge(team_member, policy)
    outsider = UserFactory()
    acknowledge(outsider, policy)
    client.force_login(manager)

    folder = unpack(client.get(f"/admin/training/policies/{policy.pk}/evidence.zip"), tmp_path)

    people = {row["person"] for row in json.loads((folder / "acknowledgements.json").read_text())}
    assert people == {team_member.pk}
    assert Acknowledgement.objects.count() == 2


def test_packs_of_people_outside_the_scope_are_not_served(client, manager, employee, policy):
    outsider = UserFactory()
    client.force_login(manager)
    assert client.get(f"/admin/training/people/{outsider.pk}/evidence.zip").status_code == 404
    client.force_login(employee)
    response = client.get(f"/admin/training/people/{outsider.pk}/evidence.zip")
    assert response.status_code == 302  # Wagtail keeps people without admin access out of the admin


def test_the_person_page_and_the_acknowledgements_report_link_to_the_packs(client, compliance, team_member, policy):
    client.force_login(compliance)

    person_page = client.get(f"/admin/training/people/{team_member.pk}/").content.decode()
    report = client.get("/admin/training/acknowledgements/").content.decode()

    assert f"/admin/training/people/{team_member.pk}/evidence.zip" in person_page
    assert f"/admin/training/policies/{policy.pk}/evidence.zip" in report
