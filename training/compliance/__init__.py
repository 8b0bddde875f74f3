"""Compliance: what each person owes (standing), the dashboard, the reports and the reminders."""

__all__ = ["dashboard", "reminders", "reports", "loader", "rules", "urls", "views"]
