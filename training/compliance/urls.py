"""URLs of the training reports, registered under /admin/training/ by `register_admin_urls`.

Wagtail's wrapper signs people in and checks admin access; `reports_access` answers 403 to anyone
in the admin who may not read reports.
"""

from django.urls import path

from . import evidence_pack_views, views
from .views import reports_access

app_name = "training_reports"

urlpatterns = [
    path("team/", reports_access(views.TeamComplianceView.as_view()), name="team"),
    path("team/results/", reports_access(views.TeamComplianceView.as_view(results_only=True)), name="team_results"),
    path("team/remind/", reports_access(views.send_reminders), name="remind"),
    path("acknowledgements/", reports_access(views.PolicyAcknowledgementsView.as_view()), name="acknowledgements"),
    path(
        "acknowledgements/results/",
        reports_access(views.PolicyAcknowledgementsView.as_view(results_only=True)),
        name="acknowledgements_results",
    ),
    path("quiz-results/", reports_access(views.QuizResultsView.as_view()), name="quiz_results"),
    path(
        "quiz-results/results/",
        reports_access(views.QuizResultsView.as_view(results_only=True)),
        name="quiz_results_results",
    ),
    path("audit-log/", views.audit_log_access(views.AuditLogView.as_view()), name="audit_log"),
    path(
        "audit-log/results/",
        views.audit_log_access(views.AuditLogView.as_view(results_only=True)),
        name="audit_log_results",
    ),
    path("people/<int:pk>/", reports_access(views.PersonDetailView.as_view()), name="person"),
    path("people/<int:pk>/paper-sign-off/", reports_access(views.PaperSignOffView.as_view()), name="paper_sign_off"),
    path(
        "people/<int:pk>/paper-sign-offs/<int:acknowledgement>/scan/",
        reports_access(views.paper_sign_off_scan),
        name="paper_sign_off_scan",
    ),
    path("people/<int:pk>/evidence.zip", reports_access(evidence_pack_views.person_pack), name="person_evidence"),
    path("policies/<int:pk>/evidence.zip", reports_access(evidence_pack_views.policy_pack), name="policy_evidence"),
]
