import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from policy_content.models import PolicyPage
from tests.policy_content.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policies():
    today = timezone.localdate()
    overdue = PolicyPageFactory(title="Overdue policy")
    soon = PolicyPageFactory(title="Soon policy")
    later = PolicyPageFactory(title="Later policy")
    PolicyPage.objects.filter(pk=overdue.pk).update(review_due=today - datetime.timedelta(days=3))
    PolicyPage.objects.filter(pk=soon.pk).update(review_due=today + datetime.timedelta(days=20))
    PolicyPage.objects.filter(pk=later.pk).update(review_due=today + datetime.timedelta(days=300))
    return overdue, soon, later


@pytest.mark.parametrize("who", ["editor", "compliance", "superuser"])
def test_report_lists_policies_due_or_overdue(client, request, policies, who):
    client.force_login(request.getfixturevalue(who))

    html = client.get(reverse("policy_review_report")).content.decode()

    assert "Overdue policy" in html
    assert "Soon policy" in html
    assert "Later policy" not in html
    assert "Overdue" in html and "Due soon" in html


def test_report_filters_overdue_only(client, editor, policies):
    client.force_login(editor)
    html = client.get(reverse("policy_review_report"), {"state": "overdue"}).content.decode()
    assert "Overdue policy" in html
    assert "Soon policy" not in html


def test_report_exports_csv(client, compliance, policies):
    client.force_login(compliance)

    response = client.get(reverse("policy_review_report"), {"export": "csv", "state": "all"})

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith(
        "Policy,Owner,Version,Version published,Review due,Review,Readers' open questions,Published"
    )
    assert len(lines) == 4
    assert any(line.startswith("Overdue policy,Head of Customer Service,1,") and ",Overdue," in line for line in lines)


def test_report_exports_xlsx(client, editor, policies):
    client.force_login(editor)
    response = client.get(reverse("policy_review_report"), {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_report_is_refused_to_employees_and_managers(client, employee, manager, policies):
    for person in (employee, manager):
        client.force_login(person)
        response = client.get(reverse("policy_review_report"))
        assert response.status_code in (302, 403)
        assert "Overdue policy" not in response.content.decode()


def test_admin_home_shows_the_review_panel_to_editors_only(client, editor, manager, policies):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Policies due for review" in html
    assert "Overdue policy" in html

    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Policies due for review" not in html


def test_reports_menu_has_the_review_report_for_editors(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("policy_review_report") in html
