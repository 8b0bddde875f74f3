"""The audit log report: one person's changes, its export, who may read it, and what it costs."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from tests.training.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

AUDIT_LOG = "/admin/training/audit-log/"


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


@pytest.fixture
def history(home_page, superuser):
    """Rui changes team and is renamed; Eva is renamed; Rui exports a report himself."""
    rui = UserFactory(name="Rui Sousa", email="rui@example.com", team=TeamFactory(name="Contact centre"))
    eva = UserFactory(name="Eva Lopes", email="eva@example.com")
    rui.team = TeamFactory(name="Front desk")
    rui.save()
    eva.name = "Eva Lopes Silva"
    eva.save()
    log(instance=eva, action="training.export", user=rui, data={"report": "Quiz results", "format": "csv", "rows": 3})
    return rui, eva


def test_compliance_filters_the_log_to_everything_by_and_about_one_person(client, compliance, history):
    rui, eva = history
    client.force_login(compliance)

    response = client.get(AUDIT_LOG, {"person": "rui@example.com"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Team changed from Contact centre to Front desk" in html
    assert "Downloaded “Quiz results” as CSV" in html, "an action by Rui, on another record"
    assert "Name changed from “Eva Lopes”" not in html


def test_an_unknown_person_is_a_clear_message_not_an_error(client, compliance, history):
    client.force_login(compliance)
    response = client.get(AUDIT_LOG, {"person": "nobody@example.com"})
    assert response.status_code == 200
    assert "No one has this e-mail address." in response.content.decode()


def test_the_export_has_the_details_neutralises_formulas_and_is_in_the_downloaders_language(client, compliance):
    person = UserFactory(name="Rui", email="rui@example.com")
    person.name = '=HYPERLINK("http://evil.example")'
    person.save()
    compliance.preferred_language = "es"
    compliance.save()
    client.force_login(compliance)

    rows = csv_rows(client.get(AUDIT_LOG, {"person": "rui@example.com", "export": "csv"}))

    assert rows[0][4] == "Detalles"
    [renamed] = [row for row in rows[1:] if row[3] == "Cambio de nombre"]
    assert renamed[1].startswith("'=HYPERLINK")
    assert renamed[4].startswith("Nombre cambiado de")
    assert ModelLogEntry.objects.filter(action="training.export", user=compliance).get().data["filters"] == {
        "person": "rui@example.com"
    }


def test_the_xlsx_export_downloads(client, compliance, history):
    client.force_login(compliance)
    response = client.get(AUDIT_LOG, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("role", ["Managers", "Policy editors", "Translators"])
def test_no_one_but_compliance_and_administrators_reads_the_log(client, role, history):
    from tests.training.factories import AuthenticatorFactory

    reader = AuthenticatorFactory(user=UserFactory(roles=[role, "Employees"])).user
    TeamFactory(name="Contact centre").managers.add(reader)
    client.force_login(reader)
    for url in (AUDIT_LOG, AUDIT_LOG + "results/", AUDIT_LOG + "?export=csv&person=rui@example.com"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Rui Sousa" not in response.content
    assert b"audit-log" not in client.get("/admin/").content


def test_administrators_read_the_log_and_it_is_in_the_reports_menu(client, superuser, history):
    client.force_login(superuser)
    assert client.get(AUDIT_LOG).status_code == 200
    assert AUDIT_LOG.encode() in client.get("/admin/").content


def test_log_entries_cannot_be_changed_or_deleted_through_the_admin(client, superuser, history):
    client.force_login(superuser)
    before = list(ModelLogEntry.objects.values_list("pk", "action", "data").order_by("pk"))
    entry = before[0][0]
    for url in (AUDIT_LOG, AUDIT_LOG + "results/"):
        assert client.post(url, {"delete": entry}).status_code == 405
    for url in (
        f"/admin/snippets/wagtailcore/modellogentry/edit/{entry}/",
        f"/admin/wagtailcore/modellogentry/{entry}/",
    ):
        assert client.post(url, follow=True).status_code == 404
    assert list(ModelLogEntry.objects.values_list("pk", "action", "data").order_by("pk")) == before


def listing_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(AUDIT_LOG + "results/", {"person": "rui@example.com"}).status_code == 200
    return len(queries)


def test_the_listing_costs_the_same_queries_for_many_entries_as_for_few(client, compliance, history):
    rui, _eva = history
    client.force_login(compliance)
    listing_queries(client)  # warm the content type cache
    few = listing_queries(client)
    for _number in range(40):
        log(instance=rui, action="training.team_change", user=compliance, data={"before": None, "after": None})
    many = listing_queries(client)
    assert many == few
    assert few <= 25
