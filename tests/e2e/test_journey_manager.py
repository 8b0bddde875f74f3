"""Journey 3: a Spanish-speaking manager filters the team report to overdue people and exports it."""

import csv
import io
import re
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.steps import download, sign_in
from tests.training.factories import AuthenticatorFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MANAGER = "manager@example.com"


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


def overdue_people_of(manager_email: str) -> set[str]:
    """Who the standing function says is overdue, among the people this manager may see."""
    client = Client()
    client.force_login(User.objects.get(email=manager_email))
    report = client.get(reverse("training_reports:team"), {"overdue": "true"})
    return {row.person.email for row in report.context["object_list"]}


def test_manager_exports_the_overdue_people_of_their_team(page, screenshot):
    call_command("seed_demo", stdout=StringIO())
    AuthenticatorFactory(user=User.objects.get(email=MANAGER))
    expected = overdue_people_of(MANAGER)
    assert expected, "the demo has overdue people in the manager's team"

    sign_in(page, email=MANAGER, password=DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/es/$"))
    page.locator("header a[href$='/admin/']").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    panel = page.get_by_role("region", name=spanish("Your teams' training"))
    expect(panel.get_by_role("table")).to_contain_text("Contact centre")
    screenshot(page, "journey-3-manager", "01-admin-home")

    page.get_by_role("button", name=spanish("Training")).click()
    page.get_by_role("navigation").get_by_role("link", name=spanish("Team compliance")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(spanish("Team compliance")))
    everyone = page.locator("table.listing tbody tr").count()
    screenshot(page, "journey-3-manager", "02-team-report")

    page.get_by_role("button", name=spanish("Show filters")).click()
    # Exactly "Overdue": the item filter's label quotes the word too.
    page.locator(".w-drilldown__toggle", has_text=spanish("Overdue"), has_not_text="«").click()
    page.locator("select[name=overdue]").select_option("true")
    expect(page).to_have_url(re.compile(r"overdue=true"))
    expect(page.locator("table.listing tbody tr")).to_have_count(len(expected))
    assert len(expected) < everyone
    for email in expected:
        expect(page.locator("table.listing tbody")).to_contain_text(User.objects.get(email=email).name)
    screenshot(page, "journey-3-manager", "03-overdue-only")

    page.reload()  # export links carry the filters of the page as loaded
    csv_rows = list(csv.reader(io.StringIO(download(page, spanish("Download CSV"), language="es").decode("utf-8-sig"))))
    assert spanish("E-mail") in csv_rows[0]
    email_column = csv_rows[0].index(spanish("E-mail"))
    assert {row[email_column] for row in csv_rows[1:]} == expected

    workbook = openpyxl.load_workbook(
        io.BytesIO(download(page, spanish("Download XLSX"), language="es")), read_only=True
    )
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    email_column = list(sheet_rows[0]).index(spanish("E-mail"))
    assert {row[email_column] for row in sheet_rows[1:]} == expected
