"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Running them
------------
    apt-get install chromium              # once; `playwright install` is never needed
    make e2e                              # only these tests
    make e2e PYTEST_ARGS="-k sign_in -x"  # a subset
    make test                             # the whole suite, these included (they run last)

The browser is `/usr/bin/chromium`, or `$CHROMIUM_PATH`. Without it these tests
skip on a developer's machine and fail the run in CI (`CI=true`).
`PYTEST_ARGS="--headed --slowmo 300"` shows the browser where there is a display.

Screenshots of each journey's key pages are written to
`test-artifacts/screenshots/<journey>/<step>.png`; the end of the run lists
every path (pytest's terminal summary, so it lands in the CI log).

Writing a journey
-----------------
- Mark the module: `pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True,
  serialized_rollback=True)]`. Collection refuses an e2e test without both: a
  live-server test flushes the database, and only the serialized rollback
  restores the root page, default Site, locales and groups the migrations made.
- Create records with the factories (`tests/<app>/factories.py`) in the test itself: it runs in a real
  transaction, so the live server sees them.
- `page.goto("/en/...")`: the context's base URL is the live server.
- `tests.e2e.steps` signs people in and out (through the form, by keyboard, or
  by session cookie when sign-in is not what the test is about);
  `tests.e2e.accessibility` has `assert_accessible` (axe-core, WCAG 2.2 AA),
  the no-horizontal-scroll check and the keyboard helpers; the `screenshot`
  fixture saves a step.
- Phone-sized: `@pytest.mark.browser_context_args(**PHONE)` from `tests.e2e.steps`.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from tests.e2e.steps import DESKTOP
from tests.screenshots import SCREENSHOT_PROPERTY

E2E_DIR = Path(__file__).resolve().parent
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """The system chromium these tests drive, or None when it is not installed."""
    candidate = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    return shutil.which(candidate)


def _is_e2e(item: pytest.Item) -> bool:
    return E2E_DIR in item.path.parents


def _check_markers(item: pytest.Item) -> None:
    """Refuse an e2e test whose database would be flushed without being restored."""
    db = item.get_closest_marker("django_db")
    if (
        item.get_closest_marker("e2e") is None
        or db is None
        or not db.kwargs.get("transaction")
        or not db.kwargs.get("serialized_rollback")
    ):
        raise pytest.UsageError(
            f"{item.nodeid}: mark e2e tests with pytest.mark.e2e and "
            "pytest.mark.django_db(transaction=True, serialized_rollback=True) (see tests/e2e/conftest.py)."
        )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests run last (after pytest-django's own ordering), so no other test shares their event loop."""
    for item in items:
        if _is_e2e(item):
            _check_markers(item)
    items.sort(key=_is_e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        message = (
            f"No chromium at {os.environ.get('CHROMIUM_PATH') or DEFAULT_CHROMIUM}: "
            "install it with `apt-get install chromium` (or set CHROMIUM_PATH)."
        )
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{message} CI must run the browser tests.", pytrace=False)
        pytest.skip(message)
    return {"headless": True, **browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def playwright(browser_type_launch_args, _pw_api_request_contexts):
    """Playwright's sync API, started without losing the test database's connections.

    The sync API leaves an asyncio loop running in the main thread. Django then
    looks its connections up per async context instead of per thread, opens new
    ones, and the original connection, which holds the serialized copy of the
    migration data, drops out of sight: serialized_rollback silently stops
    restoring it and later tests find no Site. Putting the existing connections
    back into the new lookup keeps one connection per database all session.
    Django refuses ORM calls while a loop runs unless told the code is sync.
    """
    existing = {conn.alias: conn for conn in connections.all(initialized_only=True)}
    previous_flag = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    pw = sync_playwright().start()
    for alias, conn in existing.items():
        connections[alias] = conn
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(pw)
    yield pw
    pw.stop()
    if previous_flag is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous_flag


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages are opened relative to the live server: page.goto("/en/")."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **DESKTOP, "locale": "en-GB", "timezone_id": "UTC"}


@pytest.fixture
def context(new_context):
    """A fresh browser context per test; short timeouts so a broken page fails fast."""
    ctx = new_context()
    ctx.set_default_timeout(10_000)
    ctx.set_default_navigation_timeout(15_000)
    return ctx


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot as test-artifacts/screenshots/<journey>/<step>.png."""
    root = request.config.rootpath

    def take(page, journey: str, step: str) -> Path:
        path = root / "test-artifacts" / "screenshots" / _slug(journey) / f"{_slug(step)}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, full_page=True)
        request.node.user_properties.append((SCREENSHOT_PROPERTY, str(path.relative_to(root))))
        return path

    return take
