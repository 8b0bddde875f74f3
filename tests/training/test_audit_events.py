"""What the audit log records beyond page edits: each event with who, what and the before and after."""

import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from policy_content.paper_sign_off import record_paper_sign_off
from tests.mfa_helpers import totp_code_for_secret
from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import TeamFactory, UserFactory
from tests.training.test_admin_account import user_admin_form
from tests.training.test_mfa import ENROL_URL, reauthenticate, sign_in
from tests.training.world import build_world
from training.models import User

pytestmark = pytest.mark.django_db


def entries(action, person=None):
    found = ModelLogEntry.objects.filter(action=action).order_by("pk")
    if person is not None:
        found = found.filter(content_type__model="user", object_id=str(person.pk))
    return list(found)


def test_moving_a_person_to_another_team_logs_both_teams():
    first, second = TeamFactory(name="Contact centre"), TeamFactory(name="Front desk")
    person = UserFactory(team=first)

    person.team = second
    person.save()
    User.objects.get(pk=person.pk).save()  # saving without a change logs nothing

    [entry] = entries("training.team_change", person)
    assert entry.data == {
        "before": {"id": first.pk, "name": "Contact centre"},
        "after": {"id": second.pk, "name": "Front desk"},
    }
    assert entry.message == "Team changed from Contact centre to Front desk"


def test_role_changes_from_the_person_or_the_group_side_log_the_roles_before_and_after():
    person = UserFactory(roles=["Employees"])
    managers = Group.objects.get(name="Managers")

    person.groups.add(managers)
    managers.user_set.remove(person)
    person.groups.add(managers)  # already a member after this: the next add changes nothing
    person.groups.add(managers)

    assert [entry.data for entry in entries("training.roles_change", person)] == [
        {"before": [], "after": ["Employees"]},
        {"before": ["Employees"], "after": ["Employees", "Managers"]},
        {"before": ["Employees", "Managers"], "after": ["Employees"]},
        {"before": ["Employees"], "after": ["Employees", "Managers"]},
    ]


def test_giving_the_translator_role_logs_it_with_the_language_group_it_brings():
    person = UserFactory(roles=["Employees"], translation_languages=["es"])

    person.groups.add(Group.objects.get(name="Translators"))

    logged = [entry.data for entry in entries("training.roles_change", person)][1:]
    assert {"before": ["Employees"], "after": ["Employees", "Translators", "Translators (es)"]} in logged
    assert {"before": ["Employees", "Translators"], "after": ["Employees", "Translators", "Translators (es)"]} in logged


def test_an_administrator_changing_roles_and_team_in_the_user_admin_is_named_in_the_log(client, superuser):
    person = UserFactory(roles=["Employees"], team=TeamFactory(name="Contact centre"))
    moved_to = TeamFactory(name="Front desk")
    client.force_login(superuser)
    compliance_role = Group.objects.get(name="Compliance").pk

    form = user_admin_form(person, groups=[compliance_role], team=moved_to.pk)
    response = client.post(f"/admin/users/edit/{person.pk}/", form)

    assert response.status_code == 302
    changes = entries("training.roles_change", person)[1:]  # after the roles the factory gave
    assert changes and all(entry.user == superuser for entry in changes)
    assert changes[0].data["before"] == ["Employees"] and changes[-1].data["after"] == ["Compliance"]
    [moved] = entries("training.team_change", person)
    assert moved.user == superuser and moved.data["after"] == {"id": moved_to.pk, "name": "Front desk"}


def test_setting_up_and_removing_an_authenticator_app_is_logged_on_the_person(
    client, password, django_capture_on_commit_callbacks
):
    person = UserFactory(roles=["Employees"], password=password)
    sign_in(client, person, password)
    reauthenticate(client, password)
    secret = client.get(ENROL_URL).context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ENROL_URL, {"code": totp_code_for_secret(secret)}).status_code == 302
        assert client.post("/en/accounts/2fa/totp/deactivate/").status_code == 302

    assert not Authenticator.objects.filter(user=person, type="totp").exists()
    logged = [(entry.action, entry.data["type"], entry.user) for entry in entries("training.mfa_added", person)]
    logged += [(entry.action, entry.data["type"], entry.user) for entry in entries("training.mfa_removed", person)]
    assert ("training.mfa_added", "totp", person) in logged
    assert ("training.mfa_removed", "totp", person) in logged
    assert entries("training.mfa_added", person)[0].message == "Set up two-factor authentication: TOTP Authenticator"


def test_a_paper_sign_off_is_logged_on_the_person_by_whoever_recorded_it(compliance):
    policy = PolicyPageFactory(title="Complaints policy", required=True)
    person = UserFactory(name="Rui Sousa")
    today = timezone.localdate()

    record_paper_sign_off(
        person=person, version=policy.current_version, signed_on=today, recorded_by=compliance, remark="HR file"
    )
    record_paper_sign_off(person=person, version=policy.current_version, signed_on=today, recorded_by=compliance)

    [entry] = entries("training.paper_sign_off", person)
    assert entry.user == compliance
    assert entry.data["policy"] == "Complaints policy" and entry.data["version"] == policy.current_version.number
    assert entry.data["signed_on"] == today.isoformat() and entry.data["remark"] == "HR file"


def test_each_evidence_check_is_logged_with_its_result(client, compliance):
    call_command("verify_evidence", stdout=io.StringIO())
    client.force_login(compliance)
    assert client.get("/admin/evidence/").status_code == 200

    command, admin = entries("training.verify_evidence")
    assert command.user is None and command.data["via"] == "command" and command.data["intact"] is True
    assert admin.user == compliance and admin.data["via"] == "admin" and admin.data["problems"] == 0
    assert admin.message.startswith("Evidence chain checked: intact")


def test_reminders_sent_from_the_team_report_log_the_sender_the_people_and_the_filters(client, home_page):
    world = build_world()
    client.force_login(world.cc_manager)
    report = "/admin/training/team/?status=overdue&q=Carter"
    client.post("/admin/training/team/remind/", {"person": [world.james.pk], "next": report})

    [entry] = entries("training.reminders_sent", world.cc_manager)
    assert entry.user == world.cc_manager
    assert entry.data["sent"] == 1 and entry.data["recipients"] == [{"id": world.james.pk, "name": "James Carter"}]
    assert entry.data["filters"] == {"q": "Carter", "status": "overdue"}


def test_every_export_download_logs_who_which_report_the_format_the_filters_and_the_rows(client, home_page):
    world = build_world()
    client.force_login(world.cc_manager)
    response = client.get("/admin/training/team/?export=xlsx&q=Carter")
    assert response.status_code == 200

    [entry] = entries("training.export", world.cc_manager)
    assert entry.user == world.cc_manager
    assert entry.data["report"] == "Team compliance" and entry.data["format"] == "xlsx"
    assert entry.data["filters"] == {"q": "Carter"} and entry.data["rows"] == 1


def test_downloading_an_evidence_pack_is_logged(client, home_page, compliance):
    world = build_world()
    client.force_login(compliance)
    assert client.get(f"/admin/training/people/{world.ana.pk}/evidence.zip").status_code == 200

    [entry] = entries("training.export", compliance)
    assert entry.data["format"] == "zip" and world.ana.email in entry.data["report"] and entry.data["rows"] >= 1
