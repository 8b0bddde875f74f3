"""When a completed item stops counting: validity periods and expiry, as pure date functions."""

from __future__ import annotations

import calendar
import datetime

from ..choices import Status

__all__ = ["add_months", "expires_on", "expiry_status"]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the last day of the month when that month is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expires_on(completed_on: datetime.date, *, validity_months: int | None) -> datetime.date | None:
    """The first day a completion no longer counts; None when the requirement has no validity period."""
    if not validity_months:
        return None
    return add_months(completed_on, validity_months)


def expiry_status(expiry: datetime.date | None, *, today: datetime.date, warning_days: int) -> str | None:
    """Expired from the expiry day on, expiring soon within `warning_days` before it; None while it stands."""
    if expiry is None:
        return None
    if today >= expiry:
        return Status.EXPIRED
    if (expiry - today).days <= warning_days:
        return Status.EXPIRES_SOON
    return None
