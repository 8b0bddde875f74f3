from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from policy_content.reader import READER_STANDING_HOOK

from .compliance.loader import standing_for
from .compliance.reports import can_view_reports
from .models import Requirement, Team, User
from .people.evidence import refuse_deleting_people_with_evidence


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "managers_list", "member_count"]
    search_fields = ["name"]
    # Plain ORM search: Wagtail's SQLite search backend fails on a field-restricted query.
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        from django.db.models import Count

        return Team.objects.annotate(_member_count=Count("members")).prefetch_related("managers")


class PersonEditView(EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object == self.request.user:
            # Nobody changes their own name: acknowledgements check the typed signature against it.
            form.fields["name"].disabled = True
        return form


class PersonViewSet(SnippetViewSet):
    model = User
    edit_view_class = PersonEditView
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    list_filter = {
        "team": ["exact"],
        "job_title": ["icontains"],
        "preferred_language": ["exact"],
        "is_active": ["exact"],
        "start_date": ["gte", "lte"],
    }
    list_export = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    search_fields = ["name", "email"]
    # Plain ORM search: Wagtail's SQLite search backend fails on a field-restricted query.
    search_backend_name = None
    ordering = ["name", "email"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return User.objects.select_related("team")


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 300
    items = (PersonViewSet, TeamViewSet)


register_snippet(PeopleGroup)


# Training: requirements and the reports, under one menu ------------------------------------


class RequirementViewSet(SnippetViewSet):
    model = Requirement
    icon = "calendar-check"
    menu_label = _("Requirements")
    add_to_admin_menu = False
    list_display = [
        "page",
        "kind",
        "audience_label",
        "new_hire_due_days",
        "new_version_due_days",
        "active_from",
        "active",
    ]
    list_filter = ["kind", "audience", "active"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Requirement.objects.select_related("page").prefetch_related("teams")


register_snippet(RequirementViewSet)


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
                reverse("wagtailsnippets_training_requirement:list"),
                icon_name="calendar-check",
                order=400,
            ),
        ]
    )
    return TrainingMenuItem(_("Training"), menu, name="training", icon_name="clipboard-list", order=250)


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
