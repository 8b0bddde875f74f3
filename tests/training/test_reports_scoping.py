"""Who may read which training report: managers their teams, Compliance and admins all, others none."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

REPORTS = ["training_reports:team", "training_reports:acknowledgements", "training_reports:quiz_results"]


def rows_of(response):
    return {row.name for row in response.context["object_list"]}


def names_in_export(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    return [row[0] for row in csv.reader(io.StringIO(body))][1:]


def kept_out_of_the_admin(response) -> bool:
    """Wagtail's answer to someone without admin access: the sign-in page, with its message."""
    return response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize("url_name", REPORTS)
def test_editors_are_refused_and_employees_kept_out_of_the_admin(client, world, editor, employee, url_name):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 403
    assert client.get(reverse(url_name) + "?export=csv").status_code == 403
    client.force_login(employee)
    assert kept_out_of_the_admin(client.get(reverse(url_name) + "?export=csv"))


def test_employees_and_editors_cannot_open_a_person(client, world, editor, employee):
    url = reverse("training_reports:person", args=[world.ana.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(employee)
    assert kept_out_of_the_admin(client.get(url))


@pytest.mark.parametrize("url_name", REPORTS)
def test_visitors_are_sent_to_sign_in(client, world, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_manager_sees_only_their_team(client, world):
    client.force_login(world.cc_manager)
    response = client.get(reverse("training_reports:team"))
    assert response.status_code == 200
    assert {row.person.name for row in response.context["object_list"]} == {"Ana Costa", "James Carter", "Tom Baker"}
    assert "Sofía Martín" not in response.content.decode()


def test_the_other_manager_sees_only_theirs(client, world):
    client.force_login(world.fd_manager)
    response = client.get(reverse("training_reports:team"))
    assert {row.person.name for row in response.context["object_list"]} == {"Sofía Martín", "Nikos Georgiou"}


def test_a_manager_cannot_widen_the_scope_with_the_team_filter(client, world):
    client.force_login(world.cc_manager)
    response = client.get(reverse("training_reports:team"), {"team": world.fd.pk})
    assert {row.person.name for row in response.context["object_list"]} == {"Ana Costa", "James Carter", "Tom Baker"}
    export = client.get(reverse("training_reports:team"), {"team": world.fd.pk, "export": "csv"})
    assert names_in_export(export) == ["Ana Costa", "James Carter", "Tom Baker"]


def test_a_manager_without_teams_sees_nobody(client, world, manager):
    client.force_login(manager)
    response = client.get(reverse("training_reports:team"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize("role", ["compliance", "superuser"])
def test_compliance_and_admins_see_every_team(client, world, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("training_reports:team"))
    assert response.status_code == 200
    assert {row.person.name for row in response.context["object_list"]} == {
        "Ana Costa",
        "James Carter",
        "Tom Baker",
        "Sofía Martín",
        "Nikos Georgiou",
    }


def test_csv_export_has_a_row_per_person_in_scope_and_item_columns(client, world):
    world.cc_manager.preferred_language = "en"  # headings and statuses follow the reader's language
    world.cc_manager.save()
    client.force_login(world.cc_manager)
    response = client.get(reverse("training_reports:team"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["Name"] for row in rows] == ["Ana Costa", "James Carter", "Tom Baker"]
    james = rows[1]
    assert james["Customer service policy: status"] == "Re-acknowledgement needed"
    assert james["Customer service policy: version acknowledged"] == "1"
    assert james["Angry customers: status"] == "Overdue"
    assert james["Angry customers: best score (%)"] == "40"
    assert rows[0]["Completion (%)"] == "100"


def test_xlsx_export_opens_and_matches_the_scope(client, world):
    client.force_login(world.fd_manager)
    response = client.get(reverse("training_reports:team"), {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Name", "E-mail", "Team")
    assert [row[0] for row in rows[1:]] == ["Nikos Georgiou", "Sofía Martín"]
    sofia = dict(zip(header, rows[2], strict=True))
    assert sofia["Customer service policy: status"] == "Done"
    assert sofia["Angry customers: status"] == "Overdue"


def test_acknowledgements_report_lists_who_has_and_has_not(client, world):
    client.force_login(world.cc_manager)
    response = client.get(reverse("training_reports:acknowledgements"), {"version": world.v2.pk})
    assert response.status_code == 200
    rows = {row.name: row for row in response.context["object_list"]}
    assert set(rows) == {"Ana Costa", "James Carter", "Tom Baker"}
    assert rows["Ana Costa"].acknowledged and rows["Ana Costa"].language == "pt"
    assert not rows["James Carter"].acknowledged and rows["James Carter"].latest_version == 1
    assert not rows["Tom Baker"].acknowledged

    pending = client.get(
        reverse("training_reports:acknowledgements"), {"version": world.v2.pk, "acknowledged": "false"}
    )
    assert {row.name for row in pending.context["object_list"]} == {"James Carter", "Tom Baker"}


def test_acknowledgements_export_is_scoped(client, world):
    client.force_login(world.fd_manager)
    response = client.get(reverse("training_reports:acknowledgements"), {"version": world.v2.pk, "export": "csv"})
    assert sorted(names_in_export(response)) == ["Nikos Georgiou", "Sofía Martín"]


def test_quiz_results_are_scoped_and_exported(client, world, compliance):
    client.force_login(world.cc_manager)
    response = client.get(reverse("training_reports:quiz_results"))
    assert response.status_code == 200
    assert {attempt.user.name for attempt in response.context["object_list"]} == {"Ana Costa", "James Carter"}
    assert sorted(names_in_export(client.get(reverse("training_reports:quiz_results"), {"export": "csv"}))) == [
        "Ana Costa",
        "James Carter",
    ]

    client.force_login(world.fd_manager)
    assert list(client.get(reverse("training_reports:quiz_results")).context["object_list"]) == []

    client.force_login(compliance)
    failed = client.get(reverse("training_reports:quiz_results"), {"passed": "false"})
    assert [attempt.user.name for attempt in failed.context["object_list"]] == ["James Carter"]


def test_person_detail_shows_the_timeline_to_their_manager_only(client, world, compliance):
    url = reverse("training_reports:person", args=[world.ana.pk])
    client.force_login(world.cc_manager)
    response = client.get(url)
    assert response.status_code == 200
    kinds = [entry["kind"] for entry in response.context["timeline"]]
    assert kinds.count("acknowledgement") == 2 and kinds.count("attempt") == 1
    with translation.override(world.cc_manager.preferred_language):
        expected = translation.gettext("Acknowledged %(policy)s, version %(number)s (language: %(language)s)") % {
            "policy": "Customer service policy",
            "number": 2,
            "language": "",
        }
    assert expected.split("(")[0].strip() in response.content.decode()

    client.force_login(world.fd_manager)
    assert client.get(url).status_code == 403
    client.force_login(compliance)
    assert client.get(url).status_code == 200
    assert client.get(reverse("training_reports:person", args=[999999]), follow=True).status_code == 404


def test_training_menu_is_shown_to_report_readers_only(client, world, editor):
    client.force_login(world.cc_manager)
    assert reverse("training_reports:team") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert reverse("training_reports:team") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_acknowledgements_report_defaults_to_the_current_version_of_the_required_policy(client, world, compliance):
    client.force_login(compliance)
    response = client.get(reverse("training_reports:acknowledgements"))
    assert "Customer service policy, version 2" in response.content.decode()
    acknowledged = {row.name for row in response.context["object_list"] if row.acknowledged}
    assert acknowledged == {"Ana Costa", "Sofía Martín"}
