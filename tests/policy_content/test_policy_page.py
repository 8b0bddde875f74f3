import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.factories import TeamFactory, UserFactory

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db

# The policy page for a signed-in reader who must re-acknowledge (the heaviest case: comparison included,
# and the frozen text the form signs for).
POLICY_PAGE_MAX_QUERIES = 23


def count_queries(client, url):
    """The queries of rendering the page: the page cache (test_page_cache.py) is emptied first."""
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_reader_sees_version_date_owner_and_changelog(client, employee):
    page = publish_change(PolicyPageFactory(required=True), new_version=True, summary="Complaints within two days.")
    client.force_login(employee)

    html = client.get(page.url).content.decode()

    assert "<dt>Version</dt><dd>2</dd>" in html
    assert "In force since" in html
    assert page.policy_owner in html
    assert "Changelog" in html
    assert "Complaints within two days." in html
    assert "First version." in html


def test_anonymous_reader_is_invited_to_sign_in(client):
    page = PolicyPageFactory(required=True)
    html = client.get(page.url).content.decode()
    assert "Sign in to acknowledge this policy" in html
    assert "csrfmiddlewaretoken" not in html.split('id="acknowledge"')[-1]


def test_policy_page_query_count_does_not_grow_with_acknowledgements(client, django_assert_max_num_queries):
    page = PolicyPageFactory(required=True)
    reader = UserFactory(team=TeamFactory())
    AcknowledgementFactory(user=reader, version=page.current_version)
    page = publish_change(page, new_version=True, summary="Changed.")
    client.force_login(reader)
    count_queries(client, page.url)  # warm caches (locales, site root)

    few = count_queries(client, page.url)
    for person in UserFactory.create_batch(30):
        AcknowledgementFactory(user=person, version=page.current_version)
    many = count_queries(client, page.url)

    assert few == many
    with django_assert_max_num_queries(POLICY_PAGE_MAX_QUERIES):
        client.get(page.url)


def test_library_lists_each_readers_status(client, home_page):
    acknowledged, old, fresh = (
        PolicyPageFactory(required=True),
        PolicyPageFactory(required=True),
        PolicyPageFactory(required=True),
    )
    reader = UserFactory(team=TeamFactory())
    AcknowledgementFactory(user=reader, version=acknowledged.current_version)
    AcknowledgementFactory(user=reader, version=old.current_version)
    publish_change(old, new_version=True, summary="New rules.")
    client.force_login(reader)

    response = client.get(acknowledged.get_parent().url)

    statuses = {entry.page.pk: entry.item.status for entry in response.context["entries"]}
    assert statuses == {
        acknowledged.pk: "done",
        old.pk: "reacknowledge",
        fresh.pk: "todo",
    }
    html = response.content.decode()
    assert "Re-acknowledgement needed" in html
    assert "To do" in html


def test_library_query_count_does_not_grow_with_policies(client, django_assert_max_num_queries):
    PolicyPageFactory(required=True)
    reader = UserFactory()
    client.force_login(reader)
    url = PolicyPageFactory(required=True).get_parent().url
    count_queries(client, url)
    few = count_queries(client, url)
    for _ in range(4):
        AcknowledgementFactory(user=reader, version=PolicyPageFactory(required=True).current_version)
    assert count_queries(client, url) == few
