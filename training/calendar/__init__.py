"""Each person's private calendar of due dates: its secret address and its iCalendar feed."""
