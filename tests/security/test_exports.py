"""Every spreadsheet export neutralises formulas and writes dates and yes/no as people read them."""

import csv
import io

import pytest
from django.urls import reverse

from policy_content.spreadsheets import human_value, neutralise_formula
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.factories import TeamFactory, UserFactory

HOSTILE = '=HYPERLINK("http://evil.example","x")'


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Ana", "", 12, None, "a=b"])
def test_other_cells_are_left_alone(value):
    assert neutralise_formula(value) == value


def test_yes_and_no_follow_the_active_language(settings):
    from django.utils import translation

    with translation.override("es"):
        assert human_value(True) == "Sí"
    assert human_value(False) == "No"


@pytest.fixture
def hostile_records(db):
    team = TeamFactory(name="+Team")
    person = UserFactory(name=HOSTILE, job_title="@SUM(1)", team=team)
    policy = PolicyPageFactory(required=True)
    AcknowledgementFactory(user=person, version=policy.current_version, typed_name="-2+3")
    return person


EXPORTS = [
    ("training_reports:team", {}),
    ("training_reports:acknowledgements", {}),
    ("training_reports:quiz_results", {}),
    ("people:index", {}),
    ("teams:index", {}),
    ("acknowledgements:index", {}),
]


@pytest.mark.parametrize(("url_name", "params"), EXPORTS)
def test_no_csv_export_writes_a_formula(client, superuser, hostile_records, url_name, params):
    client.force_login(superuser)

    response = client.get(reverse(url_name), {"export": "csv", **params})

    assert response.status_code == 200
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert cells, body
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    if url_name != "teams:index" and url_name != "training_reports:quiz_results":
        assert "'" + HOSTILE in cells


def test_the_acknowledgement_records_export_every_row_in_both_formats(client, superuser, hostile_records):
    client.force_login(superuser)

    csv_response = client.get(reverse("acknowledgements:index"), {"export": "csv"})
    xlsx_response = client.get(reverse("acknowledgements:index"), {"export": "xlsx"})

    rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2
    assert hostile_records.email in rows[1]
    assert xlsx_response.status_code == 200


def test_a_csv_export_speaks_the_downloaders_language(client, superuser, hostile_records):
    superuser.preferred_language = "es"
    superuser.save()
    client.force_login(superuser)

    response = client.get(reverse("training_reports:acknowledgements"), {"export": "csv"})

    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert "Nombre" in header or "Equipo" in header, header


def test_compliance_reads_the_quiz_attempts_in_the_evidence_listing(client, compliance):
    client.force_login(compliance)

    assert client.get(reverse("quiz_attempts:index")).status_code == 200
