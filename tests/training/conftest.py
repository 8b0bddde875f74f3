"""The training world (two teams, people in every state of their training) and translators of a policy."""

import copy

import pytest

from tests.training.translator_helpers import make_translator, translated_policy_under_approval
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


@pytest.fixture
def spanish_translator(db):
    return make_translator("es")


@pytest.fixture
def greek_translator(db):
    return make_translator("el")


@pytest.fixture
def translated_policy(db):
    """(policy, its Spanish translation), at version 1, under the approval workflow."""
    return translated_policy_under_approval()
