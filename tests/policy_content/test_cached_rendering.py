import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from policy_content import cached_rendering
from policy_content.comparison import changes_for_reader
from policy_content.models import PolicyPage
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.auth_helpers import sign_in
from tests.training.factories import TeamFactory, UserFactory

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


def reacknowledging_reader(page):
    reader = UserFactory(team=TeamFactory())
    AcknowledgementFactory(user=reader, version=page.current_version)
    return reader, publish_change(page, new_version=True, summary="Two days now.")


def test_publishing_shows_the_new_text_at_once_although_the_old_one_was_cached(client, employee):
    page = PolicyPageFactory(required=True)
    sign_in(client, employee)
    assert "within five working days" in client.get(page.url).content.decode()

    page = publish_change(page, body=None)  # complaint_days="two"

    html = client.get(page.url).content.decode()
    assert "within two working days" in html
    assert "within five working days" not in html


def test_body_is_rendered_once_per_revision_and_language(employee):
    page = PolicyPageFactory(required=True)

    first = cached_rendering.body_html(page)
    stored = cache.get(f"policy-body:{page.live_revision_id}:en")
    with translation.override("es"):
        cached_rendering.body_html(page)

    assert stored == str(first)
    assert "within five working days" in stored
    assert cache.get(f"policy-body:{page.live_revision_id}:es") is not None


def test_a_preview_is_never_served_from_or_stored_in_the_cache():
    page = PolicyPageFactory(required=True)
    cached_rendering.body_html(page)
    draft = PolicyPage.objects.get(pk=page.pk)
    draft.body = [("section", {"heading": "Draft", "anchor": "draft", "body": "Not yet *published*."})]

    html = cached_rendering.body_html(draft, live=False)

    assert "Not yet <em>published</em>." in html
    assert "Not yet" not in cache.get(f"policy-body:{page.live_revision_id}:en")


def test_changes_since_acknowledging_are_computed_once_per_pair_of_revisions(client):
    page = PolicyPageFactory(required=True)
    reader, page = reacknowledging_reader(page)
    other = UserFactory(team=TeamFactory())
    AcknowledgementFactory(user=other, version=page.versions.get(number=1))
    versions = {version.number: version for version in page.versions.all()}
    expected = changes_for_reader(page=page, old=versions[1], new=versions[2])

    first = cached_rendering.cached_changes_for_reader(page=page, old=versions[1], new=versions[2])
    with CaptureQueriesContext(connection) as queries:
        second = cached_rendering.cached_changes_for_reader(page=page, old=versions[1], new=versions[2])

    assert first == second == expected
    assert not [query for query in queries if "wagtailcore_revision" in query["sql"]]
    sign_in(client, other)
    assert "within two working days" in client.get(page.url).content.decode()


def test_the_reader_sees_their_new_status_right_after_acknowledging(client):
    page = PolicyPageFactory(required=True)
    reader, page = reacknowledging_reader(page)
    sign_in(client, reader)
    before = client.get(page.url).content.decode()
    assert "What changed since you acknowledged version 1" in before

    response = client.post(
        page.url + "acknowledge/",
        {"version": page.current_version.pk, "typed_name": reader.name, "confirm": "on"},
    )
    after = client.get(page.url).content.decode()

    assert response.status_code == 302
    assert "Your acknowledgement of version 2 is recorded" in after
    assert "What changed since you acknowledged" not in after
