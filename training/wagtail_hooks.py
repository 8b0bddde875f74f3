from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Team, User


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "managers_list", "member_count"]
    search_fields = ["name"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        from django.db.models import Count

        return Team.objects.annotate(_member_count=Count("members")).prefetch_related("managers")


class PersonViewSet(SnippetViewSet):
    model = User
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    list_filter = ["team", "job_title", "preferred_language", "is_active", "start_date"]
    list_export = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    search_fields = ["name", "email"]
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
