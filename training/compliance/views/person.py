"""One person's training: their standing and records."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from policy_content.models import Acknowledgement
from quizzes.models import ConversationAttempt, QuizAttempt

from ...models import ReminderSend, User
from ..loader import standing_for
from ..reports import (
    people_in_scope,
)
from .base import REPORTS_BREADCRUMB

# Person detail --------------------------------------------------------------------------------


def person_in_scope(user, pk: int) -> User:
    """The person `pk` if `user` may read their training; a 403 if not, a 404 if there is nobody."""
    person = get_object_or_404(User.objects.select_related("team"), pk=pk)
    if not people_in_scope(user, include_inactive=True, include_teamless=True).filter(pk=person.pk).exists():
        raise PermissionDenied
    return person


class PersonInScopeMixin:
    """A view about one person (`pk`) whom the requesting user may read."""

    @cached_property
    def person(self):
        return person_in_scope(self.request.user, self.kwargs["pk"])


class PersonDetailView(PersonInScopeMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/reports/person_detail.html"
    header_icon = "user"

    def get_page_title(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            REPORTS_BREADCRUMB,
            {"url": reverse("training_reports:team"), "label": gettext("Team compliance")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        timeline = [
            {"when": ack.acknowledged_at, "kind": "acknowledgement", "record": ack}
            for ack in Acknowledgement.objects.filter(user=person).select_related("version__policy", "recorded_by")
        ]
        timeline += [
            {"when": attempt.submitted_at or attempt.started_at, "kind": "attempt", "record": attempt}
            for attempt in QuizAttempt.objects.filter(user=person).select_related("quiz")
        ]
        timeline += [
            {"when": attempt.submitted_at or attempt.started_at, "kind": "conversation", "record": attempt}
            for attempt in ConversationAttempt.objects.filter(user=person).select_related("conversation")
        ]
        timeline += [
            {"when": send.sent_at, "kind": "reminder", "record": send}
            for send in ReminderSend.objects.filter(recipient=person).select_related("sent_by")
        ]
        timeline.sort(key=lambda entry: entry["when"], reverse=True)
        context.update(
            person=person,
            standing=standing_for(person) if person.team_id else None,
            timeline=timeline,
            paper_sign_off_url=reverse("training_reports:paper_sign_off", args=[person.pk]),
        )
        return context
