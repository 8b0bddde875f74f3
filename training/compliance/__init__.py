"""Compliance: what each person owes (standing), the dashboard, the reports, the reminders and evidence packs."""

__all__ = [
    "dashboard",
    "evidence_pack",
    "evidence_pack_verify",
    "evidence_pack_views",
    "loader",
    "reminders",
    "reports",
    "rules",
    "urls",
    "views",
]
