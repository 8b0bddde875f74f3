"""The standings table says what the rules say, on any day, and is never read stale."""

import datetime

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory, PolicyVersionFactory
from tests.quizzes.factories import QuizAttemptFactory
from tests.training.standings_helpers import rule_statuses, table_statuses
from training.choices import Status
from training.compliance import standings_table
from training.compliance.loader import load_requirements, load_standings
from training.compliance.reports import build_rows, export_values
from training.compliance.standings_table import refresh, status_q
from training.compliance.table_rows import table_rows
from training.models import StandingItem, TrainingSettings, User


@pytest.mark.parametrize("validity_months", [None, 1, 12])
def test_the_table_gives_every_item_the_status_the_rules_give_it_on_every_day(world, validity_months):
    world.policy_requirement.validity_months = validity_months
    world.policy_requirement.save()
    world.quiz.attempts_allowed = 1
    world.quiz.save()
    QuizAttemptFactory(user=world.nikos, quiz=world.quiz, percent=20, age=2)  # no attempts left
    today = timezone.localdate()
    refresh(User.objects.all())

    for offset in [*range(-30, 420, 3), 1, 2, 20, 25, 30, 31]:
        day = today + datetime.timedelta(days=offset)
        assert table_statuses(day) == rule_statuses(day), day


@pytest.mark.parametrize("validity_months", [None, 1])
def test_an_export_read_from_the_table_says_what_one_computed_from_the_records_says(world, validity_months):
    world.quiz_requirement.validity_months = validity_months
    world.quiz_requirement.save()
    for day_passed in (0, 40):  # Ana passes again: a renewal's attempts are counted from her last pass
        QuizAttemptFactory(user=world.ana, quiz=world.quiz, percent=95, age=day_passed)
    QuizAttemptFactory(user=world.tom, quiz=world.quiz, percent=10, age=1)
    refresh(User.objects.all())
    requirements = load_requirements()
    people = User.objects.order_by("pk")

    for offset in (-10, 0, 15, 29, 30, 31, 45, 200, 400):
        day = timezone.localdate() + datetime.timedelta(days=offset)
        options = {"requirements": requirements, "team_names": {}, "today": day, "new_hire_window_days": 90}
        from_table = [export_values(row, requirements) for row in table_rows(people, **options)]
        computed = build_rows(
            load_standings(people, today=day, requirements=requirements).values(),
            team_names={},
            today=day,
            new_hire_window_days=90,
        )
        assert from_table == [export_values(row, requirements) for row in computed], day


def test_an_acknowledgement_marks_only_its_reader_stale_and_the_next_read_sees_it(world):
    TrainingSettings.load()
    refresh(User.objects.all())
    today = timezone.localdate()

    AcknowledgementFactory(user=world.james, version=world.v2)

    assert refresh(User.objects.all()) == 1
    james = StandingItem.objects.get(person=world.james, requirement=world.policy_requirement)
    assert StandingItem.objects.filter(status_q(Status.DONE, today), pk=james.pk).exists()


def test_a_new_version_marks_everyone_stale(world):
    TrainingSettings.load()
    refresh(User.objects.all())
    PolicyVersionFactory(policy=world.policy)
    assert refresh(User.objects.all()) == User.objects.count()
    ana = StandingItem.objects.get(person=world.ana, requirement=world.policy_requirement)
    assert ana.pending_status == Status.REACKNOWLEDGE and not ana.completed


def test_a_change_committed_during_a_refresh_leaves_the_person_stale_not_wrong(world, monkeypatch):
    TrainingSettings.load()
    load = standings_table.load_requirements

    def acknowledging_meanwhile(**kwargs):
        # After the versions were read, before the records are: the worst moment for a write.
        AcknowledgementFactory(user=world.james, version=world.v2)
        return load(**kwargs)

    monkeypatch.setattr(standings_table, "load_requirements", acknowledging_meanwhile)
    refresh(User.objects.all())
    monkeypatch.setattr(standings_table, "load_requirements", load)

    assert refresh(User.objects.all()) == 1  # James again: his rows were marked with the version before


def test_an_up_to_date_table_costs_two_queries_whatever_the_number_of_people(world):
    TrainingSettings.load()
    refresh(User.objects.all())
    with CaptureQueriesContext(connection) as queries:
        assert refresh(User.objects.all()) == 0
    assert len(queries) == 2


def test_the_team_report_filters_on_what_was_just_acknowledged(client, compliance, world):
    client.force_login(compliance)
    owing = {"status": Status.REACKNOWLEDGE, "item": world.policy_requirement.pk}
    before = client.get(reverse("training_reports:team"), owing)
    assert "James Carter" in [row.name for row in before.context["object_list"]]

    AcknowledgementFactory(user=world.james, version=world.v2)

    after = client.get(reverse("training_reports:team"), owing)
    assert "James Carter" not in [row.name for row in after.context["object_list"]]
    done = client.get(reverse("training_reports:team"), {**owing, "status": Status.DONE})
    assert "James Carter" in [row.name for row in done.context["object_list"]]


def test_a_release_rebuilds_every_standing_at_the_next_read(world):
    TrainingSettings.load()
    refresh(User.objects.all())

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what `migrate` ends with

    assert refresh(User.objects.all()) == User.objects.count()
