"""The standing loader on real records: statuses, new versions, audiences, and a fixed query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory, PolicyVersionFactory
from tests.quizzes.factories import QuizAttemptFactory, QuizPageFactory
from tests.training.factories import RequirementFactory, TeamFactory
from training.choices import Audience, Status
from training.compliance.loader import load_requirements, load_standings, standing_for
from training.models import TrainingSettings, User


def statuses(standing):
    return {item.title: item.status for item in standing.items}


def test_every_state_is_computed_from_the_records(world):
    standings = load_standings(User.objects.filter(team__isnull=False))

    ana = standings[world.ana.pk]
    assert ana.all_done and ana.percent == 100
    assert ana.item_for(world.policy_requirement.pk).acknowledged_version == 2
    assert ana.item_for(world.quiz_requirement.pk).best_percent == 90

    james = standings[world.james.pk]
    assert statuses(james) == {"Customer service policy": Status.REACKNOWLEDGE, "Angry customers": Status.OVERDUE}
    quiz = james.item_for(world.quiz_requirement.pk)
    assert (quiz.attempts_used, quiz.attempts_left, quiz.best_percent) == (1, 2, 40)

    tom = standings[world.tom.pk]
    assert set(statuses(tom).values()) == {Status.TODO}
    assert tom.item_for(world.quiz_requirement.pk).due_date == world.tom.start_date + datetime.timedelta(days=14)

    assert statuses(standings[world.sofia.pk]) == {
        "Customer service policy": Status.DONE,
        "Angry customers": Status.OVERDUE,
    }
    assert statuses(standings[world.nikos.pk])["Customer service policy"] == Status.TODO


def test_people_outside_every_team_owe_nothing(world):
    standing = standing_for(world.cc_manager)
    assert standing.total == 0
    assert standing.next_item is None


def test_a_new_version_resets_acknowledgement_but_not_quiz_passes(world):
    PolicyVersionFactory(policy=world.policy, age=0)
    ana = standing_for(world.ana)
    assert ana.item_for(world.policy_requirement.pk).status == Status.REACKNOWLEDGE
    assert ana.item_for(world.policy_requirement.pk).acknowledged_version == 2
    assert ana.item_for(world.quiz_requirement.pk).status == Status.DONE


def test_a_pass_after_a_failure_completes_the_quiz(world):
    QuizAttemptFactory(user=world.james, quiz=world.quiz, percent=85, age=0)
    item = standing_for(world.james).item_for(world.quiz_requirement.pk)
    assert item.status == Status.DONE
    assert (item.best_percent, item.attempts_used) == (85, 2)


def test_an_unsubmitted_attempt_uses_an_attempt_but_scores_nothing(world):
    QuizAttemptFactory(user=world.tom, quiz=world.quiz, in_progress=True)
    item = standing_for(world.tom).item_for(world.quiz_requirement.pk)
    assert item.status == Status.TODO
    assert item.attempts_used == 1
    assert item.best_percent is None


def test_team_audience_only_reaches_the_chosen_teams(world):
    closing = QuizPageFactory(title="Closing interactions", intro="Scenarios.", pass_mark=80, publish=False)
    RequirementFactory(page=closing, audience=Audience.TEAMS, teams=[world.fd])
    assert "Closing interactions" in statuses(standing_for(world.sofia))
    assert "Closing interactions" not in statuses(standing_for(world.ana))


def test_inactive_requirements_and_unpublished_policies_are_not_owed(world):
    world.quiz_requirement.active = False
    world.quiz_requirement.save()
    assert [r.title for r in load_requirements()] == ["Customer service policy"]
    world.policy.unpublish()
    assert load_requirements() == []


def test_defaults_come_from_the_training_settings(world):
    settings = TrainingSettings.load()
    settings.new_hire_due_days = 30
    settings.save()
    item = standing_for(world.tom).item_for(world.quiz_requirement.pk)
    assert item.due_date == world.tom.start_date + datetime.timedelta(days=30)


def test_requirement_on_a_translation_is_refused(world, home_page):
    from django.core.exceptions import ValidationError
    from wagtail.models import Locale

    from training.models import Requirement

    spanish = world.quiz.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    with pytest.raises(ValidationError):
        Requirement(page=spanish).full_clean()
    with pytest.raises(ValidationError):
        Requirement(page=home_page).full_clean()


def _people(count, team):
    today = timezone.localdate()
    User.objects.bulk_create(
        User(
            email=f"bulk{index}-{team.pk}@example.com",
            name=f"Bulk {index}",
            team=team,
            start_date=today - datetime.timedelta(days=index % 200),
        )
        for index in range(count)
    )
    return User.objects.filter(team=team)


def test_query_count_is_the_same_for_10_and_1000_people(world):
    small, large = TeamFactory(name="Small"), TeamFactory(name="Large")
    small_people, large_people = _people(10, small), _people(1000, large)
    for people in (small_people, large_people):
        for user in people[:3]:
            AcknowledgementFactory(user=user, version=world.v2, age=1)
            QuizAttemptFactory(user=user, quiz=world.quiz, percent=95)

    TrainingSettings.load()  # the first load ever also creates the settings row
    counts = {}
    for label, people in (("small", small_people), ("large", large_people)):
        with CaptureQueriesContext(connection) as queries:
            standings = load_standings(people)
        counts[label] = len(queries)
        assert len(standings) == people.count()
    assert counts["small"] == counts["large"]
    assert counts["large"] == 10


def test_one_person_takes_one_query_fewer_than_a_queryset_of_one(world, django_assert_num_queries):
    TrainingSettings.load()
    # The person's details come from the object passed in: requirements (7), then their records (2).
    with django_assert_num_queries(9):
        standing = standing_for(world.james)
    assert standing == load_standings(User.objects.filter(pk=world.james.pk))[world.james.pk]


def test_standing_only_counts_people_passed_in(world):
    standings = load_standings(User.objects.filter(team=world.fd))
    assert set(standings) == {world.sofia.pk, world.nikos.pk}
