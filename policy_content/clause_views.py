"""The annual review's clause insight screen for one policy."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .clause_insight import clause_rows
from .models import PolicyPage


class _UnknownPolicy(Exception):
    pass


__all__ = ["ClauseInsightView"]


class ClauseInsightView(WagtailAdminTemplateMixin, TemplateView):
    """Per section: questions linked, answers, miss rate and readers' open questions (editors and Compliance)."""

    page_title = _("Clause insight")
    header_icon = "calendar-alt"
    template_name = "policy_content/admin/clause_insight.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("policy_review_report"), "label": _("Policy reviews")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_page_subtitle(self):
        return self.policy.title

    def get(self, request, *args, **kwargs):
        # 400, not 404: the admin's URLs have no language prefix, and Django would turn a 404 into a redirect.
        try:
            return super().get(request, *args, **kwargs)
        except _UnknownPolicy:
            return HttpResponseBadRequest(_("No such policy."))

    def get_context_data(self, **kwargs):
        self.policy = PolicyPage.objects.filter(pk=kwargs["pk"], locale=Locale.get_default()).first()
        if self.policy is None:
            raise _UnknownPolicy
        context = super().get_context_data(**kwargs)
        context.update(
            policy=self.policy,
            rows=clause_rows(self.policy),
            questions_url=reverse("reader_questions:index") + f"?policy={self.policy.pk}",
        )
        return context
