"""Dates in the admin reports are dates, in the reader's format, not "x ago"."""

import datetime

from django.utils import translation

from policy_content.columns import CalendarDateColumn


class Row:
    review_due = datetime.date(2027, 11, 30)
    published = datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.UTC)


def test_a_date_a_year_ahead_is_shown_as_that_date():
    with translation.override("en"):
        assert CalendarDateColumn("review_due").get_value(Row()) == "11/30/2027"
    with translation.override("es"):
        assert CalendarDateColumn("review_due").get_value(Row()) == "30/11/2027"


def test_a_moment_is_shown_with_its_time_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "UTC"
    with translation.override("el"):
        value = CalendarDateColumn("published").get_value(Row())
    assert "2026" in value and "9:30" in value
