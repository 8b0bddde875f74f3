"""Admin views: the translation waits report, sending a translation for approval, and a guarded sync."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from policy_content.workflow import may_publish_directly

from .submission import NothingToSubmit, submit_for_approval
from .tasks import waiting_by_language

__all__ = ["GuardedUpdateTranslationsView", "TranslationWaitsView", "submit_translation"]


class TranslationWaitsView(WagtailAdminTemplateMixin, TemplateView):
    """Per language: the versions in force not yet translated, and how long its readers have waited."""

    page_title = _("Translation waits")
    header_icon = "globe"
    template_name = "training/admin/translation_waits.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "waits": waiting_by_language()}


@require_POST
def submit_translation(request, page_id: int):
    """Send the translated page, as its translated strings stand, for approval."""
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        submit_for_approval(page, user=request.user)
    except NothingToSubmit:
        messages.error(
            request,
            gettext("“%(title)s” is already waiting for approval, or is not a synchronised translation.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_home")
    messages.success(request, gettext("“%(title)s” was sent for approval.") % {"title": page.title})
    return redirect("wagtailadmin_home")


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's sync, without "Publish immediately" for people the approval workflow stands before."""

    def get_form(self):
        form = super().get_form()
        source_page = self.object.get_source_instance()
        if isinstance(source_page, Page) and not may_publish_directly(self.request.user, source_page):
            form.fields.pop("publish_translations", None)
            form.fields.pop("use_machine_translation", None)
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)
