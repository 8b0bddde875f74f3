"""The standing rules as pure functions: statuses, due dates, audiences, order of urgency."""

import datetime

import pytest

from training.choices import Audience, ItemKind, Status
from training.compliance.rules import (
    AcknowledgementFacts,
    PersonFacts,
    QuizFacts,
    RequirementFacts,
    applies_to,
    due_date_for,
    is_new_hire,
    item_standing,
    person_standing,
)

TODAY = datetime.date(2025, 6, 15)
NOW = datetime.datetime(2025, 6, 10, 12, 0, tzinfo=datetime.UTC)


def days(n):
    return datetime.timedelta(days=n)


def policy(**overrides):
    values = {
        "id": 1,
        "page_id": 10,
        "kind": ItemKind.POLICY,
        "title": "Customer service policy",
        "translation_key": None,
        "audience": Audience.EVERYONE,
        "team_ids": frozenset(),
        "new_hire_due_days": 14,
        "new_version_due_days": 30,
        "active_from": TODAY - days(400),
        "current_version_id": 2,
        "current_version_number": 2,
        "current_version_published_on": TODAY - days(20),
    }
    return RequirementFacts(**{**values, **overrides})


def quiz(**overrides):
    values = {
        "id": 2,
        "page_id": 20,
        "kind": ItemKind.QUIZ,
        "title": "Angry customers",
        "translation_key": None,
        "audience": Audience.EVERYONE,
        "team_ids": frozenset(),
        "new_hire_due_days": 14,
        "new_version_due_days": 30,
        "active_from": TODAY - days(60),
        "attempts_allowed": 3,
        "pass_mark": 80,
    }
    return RequirementFacts(**{**values, **overrides})


def person(**overrides):
    values = {"id": 1, "name": "Ana", "email": "ana@example.com", "team_id": 5, "start_date": TODAY - days(700)}
    return PersonFacts(**{**values, **overrides})


def ack(version_number, *, version_id=None):
    return AcknowledgementFacts(
        version_id=version_id if version_id is not None else version_number,
        version_number=version_number,
        acknowledged_at=NOW,
    )


def test_acknowledging_the_current_version_is_done():
    item = item_standing(policy(), person(), today=TODAY, acknowledgements=[ack(1), ack(2)])
    assert item.status == Status.DONE
    assert item.acknowledged_version == 2
    assert item.completed_at == NOW
    assert not item.is_overdue


def test_a_new_version_asks_for_re_acknowledgement_before_its_due_date():
    item = item_standing(policy(), person(), today=TODAY, acknowledgements=[ack(1)])
    assert item.status == Status.REACKNOWLEDGE
    assert item.needs_reacknowledgement
    assert item.acknowledged_version == 1
    assert item.due_date == TODAY + days(10)


def test_re_acknowledgement_past_its_due_date_is_overdue_and_still_flagged():
    item = item_standing(policy(new_version_due_days=14), person(), today=TODAY, acknowledgements=[ack(1)])
    assert item.status == Status.OVERDUE
    assert item.is_overdue
    assert item.needs_reacknowledgement


def test_never_acknowledged_is_to_do():
    item = item_standing(policy(), person(), today=TODAY)
    assert item.status == Status.TODO
    assert not item.needs_reacknowledgement
    assert item.acknowledged_version is None


def test_due_on_the_due_date_is_not_yet_overdue_and_a_day_later_it_is():
    requirement = policy()
    due = due_date_for(requirement, person())
    assert item_standing(requirement, person(), today=due).status == Status.TODO
    assert item_standing(requirement, person(), today=due + days(1)).status == Status.OVERDUE


def test_new_hire_is_due_new_hire_days_after_start():
    new_hire = person(start_date=TODAY - days(3))
    assert due_date_for(quiz(), new_hire) == TODAY + days(11)


def test_new_hire_who_starts_just_before_a_new_version_gets_the_later_deadline():
    new_hire = person(start_date=TODAY - days(3))
    requirement = policy(current_version_published_on=TODAY - days(1))
    assert due_date_for(requirement, new_hire) == TODAY + days(29)


def test_everyone_else_is_due_version_days_after_publication():
    assert due_date_for(policy(), person()) == TODAY - days(20) + days(30)


def test_requirement_start_date_counts_when_later_than_the_version():
    requirement = policy(active_from=TODAY - days(5))
    assert due_date_for(requirement, person()) == TODAY + days(25)


def test_person_without_start_date_is_due_from_the_version():
    assert due_date_for(policy(), person(start_date=None)) == TODAY + days(10)


def test_a_quiz_pass_stands_after_a_new_policy_version():
    facts = QuizFacts(attempts=2, best_percent=90, first_passed_at=NOW)
    item = item_standing(quiz(), person(), today=TODAY, quiz=facts)
    assert item.status == Status.DONE
    assert item.best_percent == 90
    assert item.attempts_used == 2
    assert item.completed_at == NOW


def test_failed_quiz_within_its_due_date_is_to_do_with_attempts_left():
    facts = QuizFacts(attempts=1, best_percent=40)
    item = item_standing(quiz(active_from=TODAY), person(), today=TODAY, quiz=facts)
    assert item.status == Status.TODO
    assert item.attempts_left == 2
    assert item.best_percent == 40


def test_failed_quiz_with_no_attempts_left():
    facts = QuizFacts(attempts=3, best_percent=60)
    item = item_standing(quiz(active_from=TODAY), person(), today=TODAY, quiz=facts)
    assert item.status == Status.NO_ATTEMPTS_LEFT
    assert item.attempts_left == 0
    assert not item.can_act


def test_unlimited_attempts_never_run_out():
    facts = QuizFacts(attempts=30, best_percent=60)
    item = item_standing(quiz(attempts_allowed=0, active_from=TODAY), person(), today=TODAY, quiz=facts)
    assert item.status == Status.TODO
    assert item.attempts_left is None


def test_untaken_quiz_past_due_is_overdue():
    item = item_standing(quiz(), person(), today=TODAY)
    assert item.status == Status.OVERDUE
    assert item.attempts_used == 0
    assert item.best_percent is None


@pytest.mark.parametrize(
    ("audience", "team_ids", "team_id", "expected"),
    [
        (Audience.EVERYONE, frozenset(), 5, True),
        (Audience.EVERYONE, frozenset(), None, False),
        (Audience.TEAMS, frozenset({5}), 5, True),
        (Audience.TEAMS, frozenset({6}), 5, False),
        (Audience.TEAMS, frozenset({5}), None, False),
    ],
)
def test_audience(audience, team_ids, team_id, expected):
    assert applies_to(quiz(audience=audience, team_ids=team_ids), person(team_id=team_id)) is expected


def test_standing_leaves_out_requirements_for_other_teams():
    standing = person_standing(
        person(team_id=5),
        [policy(), quiz(audience=Audience.TEAMS, team_ids=frozenset({6}))],
        today=TODAY,
    )
    assert [item.requirement.kind for item in standing.items] == [ItemKind.POLICY]


def test_items_come_in_order_of_urgency():
    done_quiz = quiz(id=3, page_id=30, title="Closing")
    overdue_quiz = quiz(id=4, page_id=40, title="Escalation")
    standing = person_standing(
        person(),
        [policy(), done_quiz, overdue_quiz],
        today=TODAY,
        acknowledgements={10: [ack(1)]},
        quizzes={30: QuizFacts(attempts=1, best_percent=100, first_passed_at=NOW)},
    )
    assert [item.title for item in standing.items] == ["Escalation", "Customer service policy", "Closing"]
    assert standing.next_item.title == "Escalation"
    assert (standing.done_count, standing.total, standing.percent) == (1, 3, 33)
    assert standing.overdue_count == 1
    assert not standing.all_done


def test_nothing_required_counts_as_complete():
    standing = person_standing(person(team_id=None), [policy()], today=TODAY)
    assert standing.total == 0
    assert standing.percent == 100


@pytest.mark.parametrize(("started_days_ago", "expected"), [(0, True), (89, True), (90, False), (-1, False)])
def test_new_hire_window(started_days_ago, expected):
    someone = person(start_date=TODAY - days(started_days_ago))
    assert is_new_hire(someone, today=TODAY, window_days=90) is expected
