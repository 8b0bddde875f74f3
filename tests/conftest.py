import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests.training.factories import AuthenticatorFactory, TeamFactory, UserFactory

pytest_plugins = ["tests.screenshots", "tests.conformance_summary", "tests.identity_providers.fixtures"]

# The machine the suite runs on is shared: judge generated inputs by what they prove, not by how fast they come.
hypothesis_settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("shared-machine")


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


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction open for the whole module, rolled back after its last test.

    Records a module-scoped fixture creates inside `module_db.unblock()` are seeded once and seen by every
    test of the module; each test still runs in its own savepoint (the `db` fixture), so what a test
    writes is undone before the next. Every test of such a module must read that seed.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield django_db_blocker
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


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


# The admin roles must use two-factor authentication (training.people.mfa): these people have set it up.
@pytest.fixture
def manager(db, password):
    return AuthenticatorFactory(user=UserFactory(roles=["Managers", "Employees"], password=password)).user


@pytest.fixture
def editor(db, password):
    return AuthenticatorFactory(user=UserFactory(roles=["Policy editors"], password=password)).user


@pytest.fixture
def compliance(db, password):
    return AuthenticatorFactory(user=UserFactory(roles=["Compliance"], password=password)).user


@pytest.fixture
def superuser(db, password):
    return AuthenticatorFactory(user=UserFactory(is_superuser=True, is_staff=True, password=password)).user


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser (behind admin_client), with two-factor authentication set up."""
    AuthenticatorFactory(user=admin_user)
    return admin_user
