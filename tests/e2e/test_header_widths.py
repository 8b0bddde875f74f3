"""The header keeps its words whole in every language, from a phone to a wide screen."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.e2e.accessibility import assert_no_horizontal_scroll
from tests.e2e.steps import authenticate
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [390, 768, 1024, 1280, 1440]
# People with short names leave the most room in the row, which is when the navigation used to shrink.
READERS = {"en": "james@example.com", "es": "sofia@example.com", "pt": "ana@example.com", "el": "eleni@example.com"}
# No link, name or button of the header is narrower than this (a short word at the header's size).
NARROWEST_PX = 40

SQUEEZED_JS = """(narrowest) => Array.from(document.querySelectorAll('.site-header a, .site-header button, '
    + '.site-header span, .site-header nav, .site-header .account'))
  .filter((element) => element.getClientRects().length && element.innerText.trim().length >= 4)
  .map((element) => [element.innerText.trim().split('\\n')[0], Math.round(element.getBoundingClientRect().width)])
  .filter(([, width]) => width < narrowest)"""


def test_the_header_keeps_its_words_whole_at_every_width_in_every_language(page, live_server, screenshot):
    call_command("seed_demo", stdout=StringIO())
    checked = 0
    for language, email in READERS.items():
        page.context.clear_cookies()
        authenticate(page.context, User.objects.get(email=email), base_url=live_server.url)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"/{language}/")
            squeezed = page.evaluate(SQUEEZED_JS, NARROWEST_PX)
            assert squeezed == [], f"{language} at {width}px: squeezed {squeezed}"
            assert_no_horizontal_scroll(page)
            assert page.locator(".site-header nav a").count() >= 3
            checked += 1
        screenshot(page, "header", f"{language}-{WIDTHS[-2]}")
    assert checked == len(READERS) * len(WIDTHS)
