from django.urls import include, path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from policy_content.reader import READER_STANDING_HOOK

from .admin_menus import relabel
from .compliance.admin_home import team_training_panel
from .compliance.learning_records_panel import learning_records_panel
from .compliance.loader import standing_for
from .compliance.reports import can_view_reports, sees_all_teams
from .people.evidence import refuse_deleting_people_with_evidence
from .translators import wagtail_hooks as translator_hooks  # noqa: F401  (its hooks register on import)
from .viewsets import EvidenceGroup, PeopleGroup, RequirementViewSet


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


class RequirementsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("training.view_requirement") or request.user.has_perm(
            "training.change_requirement"
        )


class TrainingMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user) or request.user.has_perm("training.view_requirement")


@hooks.register("register_admin_menu_item")
def register_training_menu():
    menu = Menu(
        items=[
            ReportMenuItem(_("Team compliance"), reverse("training_reports:team"), icon_name="group", order=100),
            ReportMenuItem(
                _("Policy acknowledgements"),
                reverse("training_reports:acknowledgements"),
                icon_name="doc-full",
                order=200,
            ),
            ReportMenuItem(_("Quiz results"), reverse("training_reports:quiz_results"), icon_name="tasks", order=300),
            RequirementsMenuItem(
                _("Requirements"),
                reverse("requirements:index"),
                icon_name="calendar-check",
                order=400,
            ),
        ]
    )
    return TrainingMenuItem(_("Training"), menu, name="training", icon_name="clipboard-list", order=250)


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_all_teams(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"), reverse("training_reports:audit_log"), name="audit-log", icon_name="history", order=1010
    )


@hooks.register("construct_homepage_panels")
def add_team_training_panel(request, panels):
    panel = team_training_panel(request.user)
    if panel:
        panels.append(panel)


@hooks.register("construct_homepage_panels")
def add_learning_records_panel(request, panels):
    panel = learning_records_panel(request.user)
    if panel:
        panels.append(panel)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("training/", include("training.compliance.urls"))]


@hooks.register("register_admin_viewset")
def register_people():
    return PeopleGroup()


@hooks.register("register_admin_viewset")
def register_requirements():
    return RequirementViewSet("requirements")


@hooks.register("register_admin_viewset")
def register_evidence():
    return EvidenceGroup()


@hooks.register(READER_STANDING_HOOK)
def reader_standing(request):
    """Policy and quiz pages show the reader the standing the dashboard and reports show."""
    return standing_for(request.user, language=get_language())


@hooks.register("before_delete_user")
def refuse_deleting_a_user_with_evidence(request, user):
    return refuse_deleting_people_with_evidence(request, [user])


@hooks.register("before_delete_snippet")
def refuse_deleting_a_person_with_evidence(request, instances):
    return refuse_deleting_people_with_evidence(request, instances)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_people_with_evidence(request, action_type, objects, action_class_instance):
    return refuse_deleting_people_with_evidence(request, objects) if action_type == "delete" else None


hooks.register("construct_reports_menu", relabel)
hooks.register("construct_help_menu", relabel)
