"""Every screen reads the one standing: the policy page, the library, the quiz page and the dashboard agree."""

import pytest

from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory
from training.choices import Audience


@pytest.fixture
def policy_for_front_desk(db):
    policy = PolicyPageFactory()
    requirement = RequirementFactory(page=policy, audience=Audience.TEAMS)
    requirement.teams.set([TeamFactory(name="Front desk")])
    return policy


def test_a_person_outside_the_audience_is_told_the_same_on_the_dashboard_and_the_policy_page(
    client, home_page, policy_for_front_desk
):
    outsider = UserFactory(team=TeamFactory(name="Contact centre"))
    client.force_login(outsider)

    dashboard = client.get(home_page.url)
    page = client.get(policy_for_front_desk.url)

    assert dashboard.context["dashboard"].total == 0
    assert page.context["item"] is None
    assert "acknowledgement_form" not in page.context
    assert b"not part of your required training" in page.content


def test_a_person_in_the_audience_sees_the_status_of_the_dashboard_on_the_policy_page(
    client, home_page, policy_for_front_desk
):
    member = UserFactory(team=TeamFactory(name="Front desk"))
    client.force_login(member)

    dashboard_item = client.get(home_page.url).context["dashboard"].items[0]
    page = client.get(policy_for_front_desk.url)

    assert page.context["item"].status == dashboard_item.status
    assert page.context["acknowledgement_form"] is not None
    assert str(dashboard_item.get_status_display()).encode() in page.content


def test_the_library_shows_the_status_of_the_dashboard(client, home_page, policy_for_front_desk):
    member = UserFactory(team=TeamFactory(name="Front desk"))
    client.force_login(member)

    dashboard_item = client.get(home_page.url).context["dashboard"].items[0]
    entry = client.get(policy_for_front_desk.get_parent().url).context["entries"][0]

    assert entry.item.status == dashboard_item.status
