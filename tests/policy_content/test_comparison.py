import pytest

from policy_content.comparison import compare_pages, compare_versions
from policy_content.models import PolicyPage
from tests.policy_content.factories import PolicyPageFactory, policy_body_data

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


def page_with(body):
    return PolicyPage(title="x", body=body)


def test_changed_words_are_marked_within_the_line():
    old = page_with(policy_body_data(complaint_days="five"))
    new = page_with(policy_body_data(complaint_days="two"))

    changes = compare_pages(old, new)

    assert [(c.anchor, c.state) for c in changes] == [("complaints", "changed")]
    (line,) = changes[0].lines
    assert line.kind == "changed"
    assert ("removed", "five") in line.pieces
    assert ("added", "two") in line.pieces


def test_added_removed_and_renamed_sections():
    old_body = policy_body_data()
    new_body = [item for item in policy_body_data() if item[1]["anchor"] != "purpose"]
    new_body[0][1]["heading"] = "Response times"
    new_body.append(("section", {"heading": "Feedback", "anchor": "feedback", "body": "Ask for feedback."}))

    changes = {c.anchor: c for c in compare_pages(page_with(old_body), page_with(new_body))}

    assert changes["purpose"].state == "removed"
    assert changes["feedback"].state == "added"
    assert [line.text for line in changes["feedback"].lines] == ["Ask for feedback."]
    assert changes["service-standards"].renamed
    assert changes["service-standards"].old_heading == "Service standards"
    assert "complaints" not in changes


def test_table_rows_are_compared():
    new_body = policy_body_data()
    new_body[1][1]["channels"][0]["first_response"] = "Under 1 minute"

    changes = compare_pages(page_with(policy_body_data()), page_with(new_body))

    assert changes[0].anchor == "service-standards"
    assert ("added", "1") in changes[0].lines[0].pieces
    assert ("added", "minute") in changes[0].lines[0].pieces


def test_identical_text_has_no_changes():
    assert compare_pages(page_with(policy_body_data()), page_with(policy_body_data())) == []


def test_compare_versions_uses_each_versions_revision():
    page = PolicyPageFactory(required=True)
    v1 = page.current_version
    page = publish_change(page, new_version=True, summary="Two days.")

    changes = compare_versions(old=v1, new=page.current_version)

    assert [c.anchor for c in changes] == ["complaints"]


def test_reader_who_signed_an_old_version_sees_what_changed(client, employee):
    from tests.policy_content.factories import AcknowledgementFactory

    page = PolicyPageFactory(required=True)
    AcknowledgementFactory(user=employee, version=page.current_version)
    page = publish_change(page, new_version=True, summary="Complaints now two days.")
    client.force_login(employee)

    html = client.get(page.url).content.decode()

    assert "What changed since you acknowledged version 1" in html
    assert "Complaints now two days." in html
    assert "<del>five</del><ins>two</ins>" in html
    assert "Acknowledge version 2" in html
