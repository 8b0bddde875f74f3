"""Recertification as pure date rules: validity periods, expiry, expiring soon, renewal."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from training.choices import Status
from training.compliance.expiry import add_months, expires_on, expiry_status
from training.compliance.rules import AcknowledgementFacts, QuizFacts, item_standing, person_standing, urgency_key

from .test_progress_rules import TODAY, days, person, policy, quiz

dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))
months = st.integers(min_value=1, max_value=120)


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def acknowledged_on(day, *, version_id=2):
    return AcknowledgementFacts(version_id=version_id, version_number=2, acknowledged_at=at(day))


def test_a_month_later_keeps_the_day_or_falls_back_to_the_end_of_a_shorter_month():
    assert add_months(datetime.date(2025, 3, 15), 12) == datetime.date(2026, 3, 15)
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 11, 30), 3) == datetime.date(2026, 2, 28)


@given(dates, months)
def test_adding_months_lands_that_many_calendar_months_later_never_past_the_day(day, n):
    later = add_months(day, n)
    assert (later.year - day.year) * 12 + later.month - day.month == n
    assert later.day <= day.day
    assert later > day


@given(dates, months, months)
def test_a_longer_validity_period_never_expires_earlier(day, a, b):
    shorter, longer = sorted((a, b))
    assert expires_on(day, validity_months=shorter) <= expires_on(day, validity_months=longer)


@given(dates, st.sampled_from([None, 0]))
def test_without_a_validity_period_nothing_expires(day, validity):
    assert expires_on(day, validity_months=validity) is None
    assert expiry_status(None, today=day, warning_days=30) is None


@given(dates, dates, st.integers(min_value=0, max_value=365))
def test_expiry_status_is_expired_from_the_expiry_day_and_expiring_soon_only_within_the_window(expiry, today, window):
    status = expiry_status(expiry, today=today, warning_days=window)
    if today >= expiry:
        assert status == Status.EXPIRED
    elif (expiry - today).days <= window:
        assert status == Status.EXPIRES_SOON
    else:
        assert status is None


@given(dates, months, st.integers(min_value=0, max_value=90))
def test_an_acknowledgement_counts_until_its_expiry_day_and_is_owed_again_from_it(completed, validity, window):
    requirement = policy(validity_months=validity, expiry_warning_days=window)
    expiry = add_months(completed, validity)
    before = item_standing(requirement, person(), today=expiry - days(1), acknowledgements=[acknowledged_on(completed)])
    after = item_standing(requirement, person(), today=expiry, acknowledgements=[acknowledged_on(completed)])
    assert before.is_done and before.expires_on == expiry
    assert after.status == Status.EXPIRED and not after.is_done and after.is_overdue
    assert after.due_date == expiry


def test_expiring_soon_still_counts_as_done_with_the_renewal_due_on_the_expiry_day():
    requirement = policy(validity_months=12, expiry_warning_days=30)
    item = item_standing(
        requirement, person(), today=TODAY, acknowledgements=[acknowledged_on(TODAY - days(350), version_id=2)]
    )
    assert item.status == Status.EXPIRES_SOON
    assert item.is_done and not item.is_overdue
    assert item.due_date == item.expires_on == add_months(TODAY - days(350), 12)
    assert item.get_status_display() == "Expires soon"


def test_an_expired_item_is_not_the_same_as_never_done():
    requirement = policy(validity_months=12)
    expired = item_standing(requirement, person(), today=TODAY, acknowledgements=[acknowledged_on(TODAY - days(400))])
    never = item_standing(requirement, person(), today=TODAY)
    assert expired.status == Status.EXPIRED
    assert expired.completed_at is not None
    assert never.status == Status.TODO and never.completed_at is None


def test_a_fresh_acknowledgement_of_the_same_version_renews_it():
    requirement = policy(validity_months=12)
    renewed = item_standing(
        requirement,
        person(),
        today=TODAY,
        acknowledgements=[acknowledged_on(TODAY - days(400)), acknowledged_on(TODAY - days(10))],
    )
    assert renewed.status == Status.DONE
    assert renewed.completed_at == at(TODAY - days(10))
    assert renewed.expires_on == add_months(TODAY - days(10), 12)


def test_a_quiz_pass_expires_from_the_latest_pass_and_a_new_pass_renews_it():
    requirement = quiz(validity_months=6)
    expired = QuizFacts(
        attempts=1, best_percent=90, first_passed_at=at(TODAY - days(200)), last_passed_at=at(TODAY - days(200))
    )
    renewed = QuizFacts(
        attempts=2, best_percent=90, first_passed_at=at(TODAY - days(200)), last_passed_at=at(TODAY - days(5))
    )
    assert item_standing(requirement, person(), today=TODAY, quiz=expired).status == Status.EXPIRED
    item = item_standing(requirement, person(), today=TODAY, quiz=renewed)
    assert item.status == Status.DONE
    assert item.expires_on == add_months(TODAY - days(5), 6)


def test_without_a_validity_period_a_quiz_pass_stands_from_the_first_pass_forever():
    facts = QuizFacts(attempts=2, best_percent=90, first_passed_at=at(TODAY - days(2000)), last_passed_at=at(TODAY))
    item = item_standing(quiz(), person(), today=TODAY, quiz=facts)
    assert item.status == Status.DONE
    assert item.completed_at == at(TODAY - days(2000))
    assert item.expires_on is None


def test_expired_items_come_first_and_count_as_overdue_but_not_done():
    standing = person_standing(
        person(),
        [policy(validity_months=12), quiz(active_from=TODAY)],
        today=TODAY,
        acknowledgements={10: [acknowledged_on(TODAY - days(400))]},
    )
    assert [item.status for item in standing.items] == [Status.EXPIRED, Status.TODO]
    assert urgency_key(standing.items[0])[0] == 0
    assert standing.overdue_count == 1 and standing.done_count == 0
