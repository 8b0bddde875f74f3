"""Several reports rebuilding the standings table at once, while people acknowledge."""

import pytest
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory
from tests.training.standings_helpers import rule_statuses, table_statuses
from training.compliance.standings_table import refresh
from training.models import StandingItem, TrainingSettings, User

from .threads import at_once, needs_separate_connections

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_simultaneous_rebuilds_and_acknowledgements_leave_one_true_row_per_item(home_page):
    needs_separate_connections()
    TrainingSettings.load()
    policy = PolicyPageFactory()
    RequirementFactory(page=policy)
    team = TeamFactory()
    people = [UserFactory(team=team) for _ in range(30)]
    version = policy.versions.get()

    def step(index):
        if index < 2:
            return refresh(User.objects.all(), batch_size=7)
        AcknowledgementFactory(user=people[index], version=version)
        return None

    at_once(6, step)
    refresh(User.objects.all())

    assert StandingItem.objects.count() == len(people)
    today = timezone.localdate()
    assert table_statuses(today) == rule_statuses(today)
