import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page, Site

from tests.factories import TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _reset_language():
    """A request or e-mail in another language must not leave that language active for the next test."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth's rate limits live in the cache; no test may inherit another's counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The HomePage the migrations create, as the default Site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def root_page(db):
    return Page.objects.get(depth=1)


@pytest.fixture
def password():
    return "correct-horse-battery"


@pytest.fixture
def employee(db, password):
    return UserFactory(roles=["Employees"], password=password, team=TeamFactory(name="Contact centre"))


@pytest.fixture
def manager(db, password):
    return UserFactory(roles=["Managers", "Employees"], password=password)


@pytest.fixture
def editor(db, password):
    return UserFactory(roles=["Policy editors"], password=password)


@pytest.fixture
def compliance(db, password):
    return UserFactory(roles=["Compliance"], password=password)


@pytest.fixture
def superuser(db, password):
    return UserFactory(is_superuser=True, is_staff=True, password=password)
