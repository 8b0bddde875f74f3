"""Before publishing: which quizzes, and how many people, a policy's draft would send to a re-check."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from policy_content.models import PolicyPage

from .rechecks import draft_recheck_impact


class _UnknownPolicy(Exception):
    pass


__all__ = ["RecheckImpactButton", "RecheckImpactView"]


class RecheckImpactButton(PageMenuItem):
    """In a policy's header menu, for those who may edit it: the re-checks its draft would cause."""

    label = _("Re-checks this draft would cause")
    icon_name = "warning"

    def is_shown(self, user):
        return self.page.specific_class is PolicyPage and self.page.permissions_for_user(user).can_edit()

    @property
    def url(self):
        return reverse("policy_recheck_impact", args=[self.page.pk])


class RecheckImpactView(WagtailAdminTemplateMixin, TemplateView):
    """Computed from the sections the latest draft changes against the version in force."""

    page_title = _("Re-checks this draft would cause")
    header_icon = "warning"
    template_name = "quizzes/admin/recheck_impact.html"

    def get(self, request, *args, **kwargs):
        # 400, not 404: the admin's URLs have no language prefix, and Django would turn a 404 into a redirect.
        try:
            return super().get(request, *args, **kwargs)
        except _UnknownPolicy:
            return HttpResponseBadRequest(_("No such policy."))

    def get_context_data(self, **kwargs):
        page = PolicyPage.objects.filter(pk=kwargs["page_id"]).first()
        if page is None:
            raise _UnknownPolicy
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        impact = draft_recheck_impact(page)
        source = page.source_page.specific
        headings = {**dict(source.section_anchors()), **dict(source.get_latest_revision_as_object().section_anchors())}
        context = super().get_context_data(**kwargs)
        context.update(
            policy=page,
            changed=[headings.get(anchor, anchor) for anchor in sorted(impact.changed)],
            impacts=[
                {"quiz": quiz.quiz, "sections": [headings.get(a, a) for a in quiz.sections], "people": quiz.people}
                for quiz in impact.quizzes
            ],
            people=impact.people,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        return context

    def get_page_subtitle(self):
        return ""
