"""The admin page where Compliance checks the evidence chain and sees its head."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .evidence_verify import log_verification, verify_evidence
from .evidence_views import sees_all_evidence

__all__ = ["EvidenceCheckView", "EvidenceMenuItem"]


class EvidenceMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_all_evidence(request.user)


class EvidenceCheckView(WagtailAdminTemplateMixin, TemplateView):
    """Recompute every hash now; show the chain head and the first record that does not hold."""

    page_title = _("Evidence check")
    header_icon = "lock"
    template_name = "policy_content/admin/evidence_check.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verification"] = verification = verify_evidence()
        log_verification(verification, by=self.request.user, via="admin")
        return context
