"""The migrations' data (root page, default Site, locales, groups) is there for every browser test."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from playwright.sync_api import expect
from wagtail.models import Locale, Site

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


# Two runs in a row: the second one fails if the first one's flush was not
# rolled back, the way it silently stops being once Playwright has started.
@pytest.mark.parametrize("run", ["first", "second"])
def test_each_browser_test_finds_the_default_site_and_its_home_page(page, live_server, run):
    default_site = Site.objects.get(is_default_site=True)
    host = live_server.url.removeprefix("http://")
    assert Site.find_for_request(RequestFactory().get("/", HTTP_HOST=host)) == default_site
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "pt", "el"}
    assert Group.objects.filter(name__in=["Employees", "Managers", "Policy editors", "Compliance"]).count() == 4

    response = page.goto("/en/")

    assert response.status == 200
    expect(page.locator("main h1")).to_have_text(default_site.root_page.title)
