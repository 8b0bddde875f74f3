"""Who owes a requirement: teams, job titles or roles; transfers and people without a start date."""

import datetime

import pytest
from django.contrib.auth.models import Group
from hypothesis import given
from hypothesis import strategies as st

from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory
from tests.training.test_progress_rules import TODAY, days, person, policy
from training.choices import Audience, Role, Status
from training.compliance.loader import standing_for
from training.compliance.rules import applies_to, due_date_for, item_standing, joined_on

chosen = Audience.TEAMS


def test_a_chosen_audience_reaches_any_of_its_teams_job_titles_or_roles():
    requirement = policy(
        audience=chosen, team_ids=frozenset({7}), job_titles=frozenset({"receptionist"}), roles=frozenset({"Managers"})
    )

    assert applies_to(requirement, person(team_id=7))
    assert applies_to(requirement, person(team_id=5, job_title=" Receptionist "))
    assert applies_to(requirement, person(team_id=None, roles=frozenset({"Managers", "Employees"})))
    assert not applies_to(requirement, person(team_id=5, job_title="Support agent", roles=frozenset({"Employees"})))


def test_everyone_means_everyone_in_a_team():
    assert applies_to(policy(), person(team_id=5))
    assert not applies_to(policy(), person(team_id=None, roles=frozenset({"Managers"})))


def test_a_person_moving_into_a_chosen_team_owes_its_items_from_the_move():
    requirement = policy(audience=chosen, team_ids=frozenset({7}))
    moved = person(team_id=7, start_date=TODAY - days(700), team_since=TODAY - days(3))

    assert joined_on(requirement, moved) == TODAY - days(3)
    assert due_date_for(requirement, moved) == TODAY - days(3) + days(14)
    assert item_standing(requirement, moved, today=TODAY).status == Status.TODO


def test_a_move_changes_nothing_for_requirements_everyone_owes():
    moved = person(team_id=7, start_date=TODAY - days(700), team_since=TODAY - days(3))
    long_published = policy(current_version_published_on=TODAY - days(100))
    assert item_standing(long_published, moved, today=TODAY).status == Status.OVERDUE


def test_someone_without_a_start_date_is_not_overdue_on_the_day_they_are_added():
    newcomer = person(start_date=None, added_on=TODAY)
    item = item_standing(policy(), newcomer, today=TODAY)
    assert not item.is_overdue
    assert item.due_date == TODAY + days(14)


@given(
    start=st.one_of(st.none(), st.integers(0, 2000)),
    added=st.integers(0, 2000),
    moved=st.one_of(st.none(), st.integers(0, 2000)),
    team_audience=st.booleans(),
)
def test_nobody_is_overdue_on_the_day_they_join_or_move(start, added, moved, team_audience):
    requirement = policy(audience=chosen, team_ids=frozenset({5})) if team_audience else policy()
    someone = person(
        team_id=5,
        start_date=None if start is None else TODAY - days(start),
        added_on=TODAY - days(added),
        team_since=None if moved is None else TODAY - days(moved),
    )
    joined = joined_on(requirement, someone)
    assert not item_standing(requirement, someone, today=joined).is_overdue
    assert due_date_for(requirement, someone) >= joined + days(requirement.new_hire_due_days)


@pytest.mark.django_db
def test_a_requirement_for_a_role_reaches_managers_without_a_team():
    requirement = RequirementFactory(page=PolicyPageFactory(), audience=chosen)
    requirement.roles.set(Group.objects.filter(name=Role.MANAGER))
    manager = UserFactory(team=None, roles=[Role.MANAGER])
    employee = UserFactory(team=TeamFactory(), roles=[Role.EMPLOYEE])

    assert [item.requirement.id for item in standing_for(manager).items] == [requirement.pk]
    assert standing_for(employee).items == []


@pytest.mark.django_db
def test_a_requirement_for_a_job_title_reaches_whoever_holds_it():
    requirement = RequirementFactory(page=PolicyPageFactory(), audience=chosen, job_titles="Receptionist\nConcierge")
    receptionist = UserFactory(team=TeamFactory(), job_title="receptionist")
    agent = UserFactory(team=TeamFactory(), job_title="Support agent")

    assert [item.requirement.id for item in standing_for(receptionist).items] == [requirement.pk]
    assert standing_for(agent).items == []


@pytest.mark.django_db
def test_moving_team_records_the_day_of_the_move():
    old, new = TeamFactory(), TeamFactory()
    someone = UserFactory(team=old, start_date=datetime.date(2020, 1, 6))
    assert someone.team_since is None

    someone.name = "Renamed"
    someone.save(update_fields=["name"])
    someone.refresh_from_db()
    assert someone.team_since is None

    someone.team = new
    someone.save()
    someone.refresh_from_db()
    assert someone.team_since is not None
