"""Admin hooks for translations: the translator's task panel, the waits report, the guarded sync."""

from django.urls import path, reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from policy_content.admin_access import forbidden_unless

from ..compliance.reports import sees_all_teams
from .tasks import days_waited, tasks_for, translation_of
from .views import GuardedUpdateTranslationsView, TranslationWaitsView, submit_translation


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        # Listed before wagtail-localize's own URL of the same path, which it replaces.
        path(
            "localize/update/<int:translation_source_id>/",
            forbidden_unless(lambda user: user.has_perm("wagtail_localize.submit_translation"))(
                GuardedUpdateTranslationsView.as_view()
            ),
            name="guarded_update_translations",
        ),
        path(
            "translations/<int:page_id>/submit/",
            forbidden_unless(lambda user: True)(submit_translation),
            name="submit_translation",
        ),
        path(
            "reports/translation-waits/",
            forbidden_unless(sees_all_teams)(TranslationWaitsView.as_view()),
            name="translation_waits",
        ),
    ]


class TranslationWaitsMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_all_teams(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_waits_menu_item():
    return TranslationWaitsMenuItem(
        _("Translation waits"), reverse("translation_waits"), name="translation-waits", icon_name="globe", order=60
    )


class TranslationTasksPanel(Component):
    name = "translation_tasks"
    order = 80
    template_name = "training/admin/translation_tasks_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows,
            "csrf_token": parent_context.get("csrf_token"),
            "request": parent_context.get("request"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_tasks_panel(request, panels):
    tasks = tasks_for(request.user)
    if not tasks:
        return
    rows = []
    for task in tasks:
        page = translation_of(task.policy, task.language)
        rows.append(
            {
                "task": task,
                "title": page.title if page is not None else task.policy.title,
                "page": page,
                "in_review": page is not None and page.workflow_in_progress,
                "language_name": get_language_info(task.language)["name_translated"],
                "days_waited": days_waited(task.version.published_at),
            }
        )
    panels.append(TranslationTasksPanel(rows))
