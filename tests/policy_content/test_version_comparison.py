"""Editors and Compliance compare any two versions of a policy, in one language, from the frozen texts."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Revision

from policy_content.comparison import compare_sections
from policy_content.models import FrozenText, PolicyPage
from policy_content.rendering import html_to_sections
from tests.policy_content.factories import PolicyPageFactory, policy_body_data
from tests.training.factories import AuthenticatorFactory, UserFactory
from tests.translation_helpers import translate

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db

URL = "/admin/policy-content/compare/"
SPANISH_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()


def body(*, days="five", purpose="We help every customer with **respect** and patience.", extra=None):
    data = policy_body_data(complaint_days=days)
    data[0][1]["body"] = purpose
    return data + ([("section", extra)] if extra else [])


@pytest.fixture
def policy():
    """Three versions: 2 changes the complaint deadline, 3 rewords the purpose and adds a section."""
    page = PolicyPageFactory(title="Complaints policy", body=body(), required=True)
    publish_change(page, new_version=True, summary="Two days.", body=body(days="two"))
    extra = {"heading": "Feedback", "anchor": "feedback", "body": "Ask every customer for feedback."}
    purpose = "We help every customer with **respect**, patience and care."
    return publish_change(page, new_version=True, summary="Care.", body=body(days="two", purpose=purpose, extra=extra))


def compare(client, policy, **params):
    return client.get(URL, {"policy": policy.pk, **params})


def test_a_policys_sections_are_read_back_from_its_frozen_html(policy):
    text = FrozenText.objects.get(version__number=1, language="en")

    sections = html_to_sections(text.body_html)

    assert [(anchor, heading) for anchor, heading, _lines in sections] == [
        ("purpose", "Purpose"),
        ("service-standards", "Service standards"),
        ("complaints", "Complaints"),
    ]
    assert "• Acknowledge it in writing within five working days." in sections[2][2]
    assert "Chat | Under 2 minutes | — | —" in sections[1][2]


def test_the_comparison_engine_keeps_unchanged_sections_and_lines_when_asked():
    old = [("a", "A", ["one", "two"]), ("b", "B", ["same"])]
    new = [("a", "A", ["one", "three"]), ("b", "B", ["same"])]

    assert [s.anchor for s in compare_sections(old, new)] == ["a"]
    kept = compare_sections(old, new, keep_unchanged=True)
    assert [(s.anchor, s.state) for s in kept] == [("a", "changed"), ("b", "unchanged")]
    assert [line.kind for line in kept[0].lines] == ["same", "removed", "added"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("employee", 302), ("manager", 403), ("editor", 200), ("compliance", 200), ("superuser", 200)],
)
def test_only_editors_compliance_and_administrators_may_compare(client, policy, request, role, expected):
    client.force_login(request.getfixturevalue(role))

    response = compare(client, policy)

    assert response.status_code == expected
    if expected == 302:
        assert "/accounts/login/" in response["Location"]


def test_the_default_is_the_previous_version_against_the_current_one_as_a_redline(client, compliance, policy):
    client.force_login(compliance)

    response = compare(client, policy)

    html = response.content.decode()
    assert response.status_code == 200
    assert (response.context["selection"].old.version.number, response.context["selection"].new.version.number) == (
        2,
        3,
    )
    assert '<ins><span class="w-sr-only">[inserted: </span>Ask every customer for feedback.<span' in html
    assert '<del><span class="w-sr-only">[deleted: </span>patience.<span class="w-sr-only">]</span></del>' in html
    assert "new section" in html and "unchanged" in html


def test_versions_far_apart_show_every_change_between_them(client, editor, policy):
    client.force_login(editor)

    sections = {s.anchor: s for s in compare(client, policy, **{"from": 1, "to": 3}).context["sections"]}

    assert sections["complaints"].state == "changed" and sections["purpose"].state == "changed"
    assert sections["feedback"].state == "added" and sections["service-standards"].state == "unchanged"
    (changed,) = [line for line in sections["complaints"].lines if line.kind == "changed"]
    assert ("removed", "five") in changed.pieces and ("added", "two") in changed.pieces


def test_versions_in_reverse_order_show_the_changes_undone(client, editor, policy):
    client.force_login(editor)

    response = compare(client, policy, **{"from": 3, "to": 1, "layout": "side-by-side"})

    sections = {s.anchor: s for s in response.context["sections"]}
    assert sections["feedback"].state == "removed"
    (changed,) = [line for line in sections["complaints"].lines if line.kind == "changed"]
    assert ("added", "five") in changed.pieces and ("removed", "two") in changed.pieces
    html = response.content.decode()
    assert '<th scope="col">Version 3</th>' in html and '<th scope="col">Version 1</th>' in html
    assert html.index("Version 3</th>") < html.index("Version 1</th>")


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"from": 1, "to": 9}, 400, "Version 9 of “Complaints policy” does not exist. Its versions are 1 to 3."),
        ({"from": "one", "to": 2}, 400, "The first version must be a whole number of 1 or more, not “one”."),
        ({"from": 2, "to": -1}, 400, "The second version must be a whole number of 1 or more"),
        ({"from": 2, "to": 2}, 400, "Choose two different versions to compare."),
        ({"from": 1, "to": 2, "language": "xx"}, 400, "“xx” is not a language of this site."),
        (
            {"from": 1, "to": 2, "language": "el"},
            400,
            "Version 1 was never published in Greek, so there is no text of it to compare. "
            "Both versions can be compared in: English.",
        ),
        ({"policy": "abc"}, 400, "Choose a policy from the list."),
        ({"policy": 999999}, 400, "There is no policy with these versions for you to compare."),
    ],
)
def test_versions_that_cannot_be_compared_get_a_clear_message(client, compliance, policy, params, status, message):
    client.force_login(compliance)

    response = client.get(URL, {"policy": policy.pk, **params})

    assert response.status_code == status
    assert message in response.content.decode()


def test_a_policy_with_one_version_says_there_is_nothing_to_compare(client, editor):
    policy = PolicyPageFactory(title="New policy")
    client.force_login(editor)

    assert "nothing to compare" in compare(client, policy).content.decode()
    response = compare(client, policy, **{"from": 1, "to": 2})
    assert response.status_code == 400


def test_the_comparison_survives_purging_revisions_and_never_reads_them(client, compliance, policy):
    draft = PolicyPage.objects.get(pk=policy.pk)
    draft.save_revision()  # an old draft, which the purge deletes
    draft.save_revision()
    client.force_login(compliance)
    before = compare(client, policy, **{"from": 1, "to": 3}).content.decode()
    cache.clear()
    revisions = Revision.objects.count()

    call_command("purge_revisions", days=0, stdout=StringIO())
    # The versions' own revisions are protected from the purge: empty them, as if their text were lost.
    Revision.objects.update(content={})

    after = compare(client, policy, **{"from": 1, "to": 3})
    assert Revision.objects.count() < revisions
    assert after.status_code == 200
    assert after.content.decode().split("<main")[1] == before.split("<main")[1]
    assert "Ask every customer for feedback." in after.content.decode()


def test_markup_in_a_version_is_shown_as_text_never_run(client, compliance, policy):
    script = "<script>alert('x')</script> <img src=x onerror=alert(1)>"
    publish_change(policy, new_version=True, summary="Markup.", body=body(days="two", purpose=script))
    client.force_login(compliance)

    for layout in ("redline", "side-by-side"):
        html = compare(client, policy, **{"from": 3, "to": 4, "layout": layout}).content.decode()

        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_each_pair_and_language_is_compared_once_then_read_from_the_cache(
    client, compliance, policy, django_assert_num_queries
):
    client.force_login(compliance)
    compare(client, policy)
    cache.clear()

    # 13 for the admin itself (session, person, two-factor check, permissions, menus) and the comparison's
    # own: the policies, the versions, the texts' editions, then the texts themselves unless cached.
    with django_assert_num_queries(17):
        first = compare(client, policy, **{"from": 1, "to": 3})
    with django_assert_num_queries(16):
        again = compare(client, policy, **{"from": 1, "to": 3})
    with django_assert_num_queries(17):
        compare(client, policy, **{"from": 1, "to": 2})

    assert first.context["sections"] == again.context["sections"]
    keys = [key for key in cache._cache if "policy-compare:en:" in str(key)]  # the tests' local-memory cache
    assert len(keys) == 2


def test_the_query_count_does_not_grow_with_the_number_of_versions(client, compliance, policy):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(compliance)
    compare(client, policy)
    with CaptureQueriesContext(connection) as three:
        compare(client, policy, **{"from": 1, "to": 3})
    for days in ("three", "four", "six"):
        publish_change(policy, new_version=True, summary=days, body=body(days=days))
    cache.clear()
    with CaptureQueriesContext(connection) as six:
        compare(client, policy, **{"from": 1, "to": 3})

    assert len(six) == len(three)


def test_a_translation_is_compared_in_its_language_with_dates_in_the_readers_language(
    client, django_capture_on_commit_callbacks
):
    policy = PolicyPageFactory(title="Complaints policy", body=body(), required=True)
    with django_capture_on_commit_callbacks(execute=True):
        translate(policy, "es")
    policy = publish_change(policy, new_version=True, summary="Two days.", body=body(days="two"))
    with django_capture_on_commit_callbacks(execute=True):
        translate(policy, "es")
    reader = AuthenticatorFactory(user=UserFactory(roles=["Compliance"], preferred_language="es")).user
    client.force_login(reader)

    response = compare(client, policy, **{"from": 1, "to": 2, "language": "es"})

    html = response.content.decode()
    assert response.status_code == 200 and response.context["language"] == "es"
    assert "Comparar versiones de la política" in html
    sections = {section.anchor: section for section in response.context["sections"]}
    assert sections["complaints"].heading == "[es] Complaints" and sections["complaints"].state == "changed"
    (changed,) = [line for line in sections["complaints"].lines if line.kind == "changed"]
    assert ("removed", "five") in changed.pieces and ("added", "two") in changed.pieces
    published = policy.versions.get(number=2).published_at
    assert f"{published.day} de {SPANISH_MONTHS[published.month - 1]} de {published.year}" in html


def test_a_policys_admin_and_the_version_listing_link_to_the_comparison(client, editor, policy):
    client.force_login(editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk])).content.decode()
    listing = client.get(reverse("policy_versions:index")).content.decode()

    assert f"{URL}?policy={policy.pk}&amp;language=en" in edit and "Compare versions" in edit
    assert f"{URL}?policy={policy.pk}&amp;from=2&amp;to=3" in listing and "Version 2 → 3" in listing
