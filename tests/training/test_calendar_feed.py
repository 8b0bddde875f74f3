"""Each person's private calendar of due dates: what it holds, whom it answers, and its reset."""

import datetime

import pytest
from django.conf import settings
from icalendar import Calendar

from tests.policy_content.factories import AcknowledgementFactory
from training.calendar.feed import PRODID
from training.calendar.tokens import feed_token
from training.compliance.loader import standing_for
from training.models import User


def feed_url(person) -> str:
    return f"/calendar/{feed_token(User.objects.get(pk=person.pk))}.ics"


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["prodid"]) == PRODID and str(calendar["version"]) == "2.0"
    return sorted(calendar.walk("VEVENT"), key=lambda event: str(event["summary"]))


def test_the_feed_has_an_all_day_event_for_each_owed_item_in_the_persons_language(client, world):
    owed = {item.requirement.id: item for item in standing_for(world.nikos, links=True).items if not item.is_done}

    found = events(client.get(feed_url(world.nikos)))

    assert len(found) == len(owed) == 2
    by_uid = {str(event["uid"]): event for event in found}
    for requirement_id, item in owed.items():
        event = by_uid[f"requirement-{requirement_id}-person-{world.nikos.pk}@127.0.0.1"]
        assert event.decoded("dtstart") == item.due_date and not isinstance(event.decoded("dtstart"), datetime.datetime)
        assert event.decoded("dtend") == item.due_date + datetime.timedelta(days=1)
        assert isinstance(event.decoded("dtstamp"), datetime.datetime)
        assert str(event["url"]) == settings.SITE_URL + item.url
    assert sorted(str(event["summary"]) for event in found) == [
        "Διαβάστε και επιβεβαιώστε: Customer service policy",
        "Κάντε το κουίζ: Angry customers",
    ]


def test_items_done_are_left_out_and_the_event_of_an_item_keeps_its_uid(client, world):
    first = events(client.get(feed_url(world.sofia)))
    again = events(client.get(feed_url(world.sofia)))

    assert [str(event["summary"]) for event in first] == ["Hacer el cuestionario: Angry customers"]
    assert [str(event["uid"]) for event in again] == [str(event["uid"]) for event in first]


def test_the_feed_follows_the_persons_standing(client, world):
    assert len(events(client.get(feed_url(world.nikos)))) == 2

    AcknowledgementFactory(user=world.nikos, version=world.v2, age=0, language="el")

    assert [str(event["summary"]) for event in events(client.get(feed_url(world.nikos)))] == [
        "Κάντε το κουίζ: Angry customers"
    ]


def test_the_feed_is_served_without_a_session_and_sets_none(client, world):
    response = client.get(feed_url(world.sofia))

    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["garbage", "wrong digest", "another person's digest", "no id"])
def test_a_wrong_address_is_not_found(client, world, kind):
    token = feed_token(world.sofia)
    bad = {
        "garbage": "not-a-token",
        "wrong digest": f"{world.sofia.pk}-{'0' * 64}",
        "another person's digest": f"{world.nikos.pk}-{token.partition('-')[2]}",
        "no id": f"-{token.partition('-')[2]}",
    }[kind]

    assert client.get(f"/calendar/{bad}.ics").status_code == 404


def test_a_deactivated_person_has_no_calendar(client, world):
    url = feed_url(world.sofia)
    User.objects.filter(pk=world.sofia.pk).update(is_active=False)

    assert client.get(url).status_code == 404


def test_my_training_links_to_the_calendar_and_a_reset_retires_the_old_address(client, world, home_page):
    client.force_login(world.sofia)
    old = feed_url(world.sofia)
    assert f'value="{settings.SITE_URL}{old}"' in client.get(home_page.url).content.decode()

    response = client.post("/es/calendar/reset/")

    assert response.status_code == 302 and response["Location"] == "/es/#calendar-heading"
    new = feed_url(world.sofia)
    assert new != old
    assert client.get(old).status_code == 404
    assert len(events(client.get(new))) == 1
    assert f'value="{settings.SITE_URL}{new}"' in client.get(home_page.url).content.decode()


def test_the_reset_is_a_post_with_a_csrf_token_by_a_signed_in_person(client, world):
    from django.test import Client

    old = feed_url(world.sofia)
    assert client.post("/es/calendar/reset/").status_code == 302  # to the sign-in page
    assert "/accounts/login/" in client.post("/es/calendar/reset/")["Location"]
    client.force_login(world.sofia)
    assert client.get("/es/calendar/reset/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.sofia)
    assert strict.post("/es/calendar/reset/").status_code == 403
    assert feed_url(world.sofia) == old


def test_the_feed_costs_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    url = feed_url(world.nikos)
    client.get(url)  # the training settings, made on first use
    with django_assert_num_queries(FEED_QUERIES):
        assert len(events(client.get(url))) == 2
    AcknowledgementFactory(user=world.nikos, version=world.v2, age=0, language="el")
    with django_assert_num_queries(FEED_QUERIES):
        assert len(events(client.get(url))) == 1


# The person (1); the standing loader: its settings and requirements with the pages in the person's language (8),
# and the person's records (3).
FEED_QUERIES = 12
