"""Whole pages served from the shared cache, and never once a fact on them has changed."""

import datetime
import uuid

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from policy_content.learning_record_models import LearningRecord
from policy_content.page_cache import content_changed, person_changed
from policy_content.page_cache import middleware as page_cache_middleware
from policy_content.page_cache.tokens import CONTENT, person_token_key
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import take
from tests.training.auth_helpers import sign_in
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db

SESSION_ONLY = 1  # what a page from the cache costs: the session (the person is not loaded)


def first_views(client, url: str) -> None:
    """The first view sets the CSRF cookie (a page made before it exists is not kept); the second is kept."""
    views(client, url)
    views(client, url)


def views(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def policy():
    return PolicyPageFactory(required=True)


def test_a_second_view_of_a_policy_comes_from_the_cache_in_two_queries(client, employee, policy):
    sign_in(client, employee)
    views(client, policy.url)
    first, rendering = views(client, policy.url)
    second, from_cache = views(client, policy.url)

    assert second == first
    assert rendering > 10
    assert from_cache == SESSION_ONLY


def test_an_acknowledgement_shows_on_the_very_next_view(client, employee, policy):
    sign_in(client, employee)
    first_views(client, policy.url)
    before, queries = views(client, policy.url)
    assert "You acknowledged version" not in before
    assert queries == SESSION_ONLY

    AcknowledgementFactory(user=employee, version=policy.current_version)
    after, queries = views(client, policy.url)

    assert "You acknowledged version 1 on" in after
    assert queries > SESSION_ONLY


def test_a_quiz_passed_shows_on_the_dashboard_at_once(client, employee):
    quiz = QuizPageFactory()
    requirement = RequirementFactory(page=quiz, kind="quiz")
    sign_in(client, employee)
    first_views(client, "/en/")
    before = caches["pages"].get(person_token_key(employee.pk))

    take(quiz, employee, right=True)  # submitting writes with update(), which sends no signal
    after, queries = views(client, "/en/")

    assert caches["pages"].get(person_token_key(employee.pk)) != before
    assert queries > SESSION_ONLY
    assert "100%" in after
    assert requirement.page.title in after


def test_a_new_version_published_shows_to_every_reader_at_once(client, employee, policy):
    sign_in(client, employee)
    first_views(client, policy.url)
    assert "within five working days" in views(client, policy.url)[0]

    publish_change(policy, new_version=True, summary="Two days now.")
    after, _queries = views(client, policy.url)

    assert "within two working days" in after
    assert "within five working days" not in after


def test_nobody_is_served_another_person_s_page(client, employee, policy):
    other = UserFactory(team=TeamFactory(), name="Rosa Other")
    sign_in(client, employee)
    first_views(client, "/en/")
    client.logout()
    sign_in(client, other)

    page, queries = views(client, "/en/")

    assert "Rosa Other" in page
    assert employee.name not in page
    assert queries > SESSION_ONLY


def test_a_page_showing_a_message_is_shown_once_and_not_kept(client, employee, policy):
    sign_in(client, employee)
    views(client, policy.url)
    response = client.post(
        policy.url + "acknowledge/",
        {"version": policy.current_version.pk, "typed_name": employee.name, "confirm": "on"},
        follow=True,
    )
    assert "Your acknowledgement of version 1 is recorded" in response.content.decode()

    again, _queries = views(client, policy.url)

    assert "Your acknowledgement of version 1 is recorded" not in again
    assert "You acknowledged version 1 on" in again


def test_the_next_day_renders_the_page_afresh(client, employee, policy, monkeypatch):
    sign_in(client, employee)
    first_views(client, "/en/")
    assert views(client, "/en/")[1] == SESSION_ONLY
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache_middleware, "_today", lambda: tomorrow)

    assert views(client, "/en/")[1] > SESSION_ONLY


def test_a_person_deactivated_is_no_longer_served_their_cached_page(client, employee, policy):
    sign_in(client, employee)
    first_views(client, policy.url)

    employee.is_active = False
    employee.save()
    page, _queries = views(client, policy.url)

    assert employee.name not in page
    assert "Sign out" not in page


def test_a_record_of_another_kind_drops_every_page_and_a_log_drops_none(employee):
    pages = caches["pages"]
    TeamFactory()
    content, person = pages.get(CONTENT), pages.get(person_token_key(employee.pk))

    LearningRecord.objects.create(
        statement_id=uuid.uuid4(), subject="test", verb="http://adlnet.gov/expapi/verbs/completed", payload={}
    )
    assert pages.get(CONTENT) == content

    TeamFactory(name="Front desk, Lisbon")
    assert pages.get(CONTENT) != content
    assert pages.get(person_token_key(employee.pk)) == person


def test_paths_wagtail_does_not_serve_are_never_looked_up(client, employee, django_assert_num_queries):
    sign_in(client, employee)
    with django_assert_num_queries(0):
        assert client.get("/livez").status_code == 200


def test_a_transaction_replaces_its_tokens_once_more_together_at_its_commit(django_capture_on_commit_callbacks):
    pages = caches["pages"]
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        person_changed(1)
        person_changed(1, 2)
        content_changed()
    before = pages.get_many([person_token_key(1), person_token_key(2), CONTENT])

    [commit] = callbacks
    commit()

    after = pages.get_many([person_token_key(1), person_token_key(2), CONTENT])
    assert len(before) == len(after) == 3
    assert all(after[key] != before[key] for key in before)


def test_tokens_of_a_rolled_back_write_are_not_replaced_at_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            person_changed(1)
            raise RuntimeError
        person_changed(2)

    [commit] = callbacks
    assert commit.__self__.keys == {person_token_key(2)}


def test_a_password_changed_elsewhere_ends_the_cached_pages_of_other_sessions(employee, policy):
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        sign_in(device, employee)
        first_views(device, policy.url)
    assert views(laptop, policy.url)[1] == SESSION_ONLY

    employee.set_password("a-new-long-passphrase")
    employee.save()
    page, _queries = views(laptop, policy.url)

    assert employee.name not in page
    assert "Sign out" not in page
