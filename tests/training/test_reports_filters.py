"""Team compliance report: filters, search, sorting and the per-team summary."""

import pytest
from django.urls import reverse


@pytest.fixture
def team_report(client, compliance, world):
    client.force_login(compliance)

    def get(**params):
        response = client.get(reverse("training_reports:team"), params)
        assert response.status_code == 200
        return response

    return get


def names(response):
    return [row.person.name for row in response.context["object_list"]]


def test_filter_by_team(team_report, world):
    assert sorted(names(team_report(team=world.fd.pk))) == ["Nikos Georgiou", "Sofía Martín"]


def test_filter_by_status(team_report):
    assert names(team_report(status="reacknowledge")) == ["James Carter"]
    assert sorted(names(team_report(status="done"))) == ["Ana Costa", "Sofía Martín"]


def test_filter_overdue(team_report):
    assert sorted(names(team_report(overdue="true"))) == ["James Carter", "Nikos Georgiou", "Sofía Martín"]
    assert sorted(names(team_report(overdue="false"))) == ["Ana Costa", "Tom Baker"]


def test_status_and_overdue_on_one_item(team_report, world):
    assert sorted(names(team_report(item=world.policy_requirement.pk, status="todo"))) == [
        "Nikos Georgiou",
        "Tom Baker",
    ]
    assert names(team_report(item=world.policy_requirement.pk, overdue="true")) == []
    assert sorted(names(team_report(item=world.quiz_requirement.pk, overdue="true"))) == [
        "James Carter",
        "Nikos Georgiou",
        "Sofía Martín",
    ]


def test_filter_new_hires_only(team_report):
    assert names(team_report(new_hires="true")) == ["Tom Baker"]


def test_filter_by_job_title(team_report):
    assert sorted(names(team_report(job_title="Receptionist"))) == ["Nikos Georgiou", "Sofía Martín"]


def test_search_by_name(team_report):
    assert names(team_report(q="james")) == ["James Carter"]


def test_sort_by_completion(team_report):
    assert names(team_report(ordering="-percent"))[0] == "Ana Costa"
    assert names(team_report(ordering="percent"))[-1] == "Ana Costa"


def test_sort_by_name_descending(team_report):
    assert names(team_report(ordering="-name")) == [
        "Tom Baker",
        "Sofía Martín",
        "Nikos Georgiou",
        "James Carter",
        "Ana Costa",
    ]


def test_filters_apply_to_the_export(team_report):
    response = team_report(status="reacknowledge", export="csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.count("\n") == 2  # the heading and James
    assert "James Carter" in body


def test_summary_shows_completion_rate_per_team(team_report):
    response = team_report()
    summaries = {summary.team_name: summary for summary in response.context["summaries"]}
    # Contact centre: Ana 2/2, James 0/2, Tom 0/2; Front desk: Sofía 1/2, Nikos 0/2.
    assert summaries["Contact centre"].completion_rate == 33
    assert summaries["Contact centre"].complete_people == 1
    assert summaries["Front desk"].completion_rate == 25
    assert summaries["Front desk"].overdue_people == 2
    html = response.content.decode()
    assert "Completion rate per team" in html
    assert "33%" in html


def test_unknown_filter_values_give_a_page_not_an_error(team_report):
    assert team_report(status="nonsense", team="abc", ordering="password").status_code == 200
