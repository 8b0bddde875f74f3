"""The training world: two teams with a manager each and people in every state of their training."""

import copy

import pytest

from tests.training.world import build_world


@pytest.fixture(scope="module")
def module_world(module_db):
    """The world, built once for the module that reads it."""
    with module_db.unblock():
        return build_world()


@pytest.fixture
def world(db, module_world):
    """The module's world: a test may change it, and the change is rolled back when the test ends."""
    return copy.deepcopy(module_world)
