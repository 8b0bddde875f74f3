"""The training reports in the Wagtail admin: team compliance, acknowledgements, quiz results, a person.

Every view goes through `reports_access` (a 403 for anyone in the admin who may not read reports)
and reads people only through `people_in_scope`, so a manager never sees another team's rows,
in the page or in an export.
"""

from .acknowledgements import PolicyAcknowledgementsView
from .audit_log import AuditLogView, audit_log_access
from .base import reports_access
from .paper_sign_off import PaperSignOffView, paper_sign_off_scan
from .person import PersonDetailView
from .quiz_results import QuizResultsView
from .team import TeamComplianceView, send_reminders

__all__ = [
    "AuditLogView",
    "PaperSignOffView",
    "PersonDetailView",
    "PolicyAcknowledgementsView",
    "QuizResultsView",
    "TeamComplianceView",
    "paper_sign_off_scan",
    "audit_log_access",
    "reports_access",
    "send_reminders",
]
