"""Whole rendered pages kept in the shared cache, per person, until a fact they show changes.

A signed-in page is personal: it shows the reader's standing, which changes when they (or an
editor, or the calendar) change a fact. Rather than guessing how long a page stays true, every
entry carries the tokens it was rendered under: one for the site's content, one for the reader's
own records. Any write to a record (`invalidation.py`) replaces the token it touches, so the next
request renders afresh; the date is part of the key, so statuses that turn with the calendar
(overdue, expiring) turn at midnight. The cache is Django's shared one: every process and server
sees the same tokens.
"""

from .tokens import content_changed, person_changed, records_changed
from .views import cacheable

__all__ = ["cacheable", "content_changed", "person_changed", "records_changed"]
