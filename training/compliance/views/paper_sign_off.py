"""Recording a paper sign-off for a person, and showing its scan, from the person's page in the reports."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from policy_content.choices import SignatureMethod
from policy_content.models import Acknowledgement
from policy_content.paper_sign_off import PaperSignOffForm, already_acknowledged, record_paper_sign_off
from policy_content.receipts import receipt_for, send_receipt
from policy_content.scans import SCAN_TYPES

from ..loader import standing_for
from .base import REPORTS_BREADCRUMB
from .person import PersonInScopeMixin, person_in_scope

__all__ = ["PaperSignOffView", "paper_sign_off_scan"]


class PaperSignOffView(PersonInScopeMixin, WagtailAdminTemplateMixin, FormView):
    """A manager (for their teams' people) or Compliance records that a person signed on paper."""

    template_name = "training/reports/paper_sign_off.html"
    header_icon = "doc-full"
    form_class = PaperSignOffForm

    def get_page_title(self):
        return gettext("Record a paper sign-off")

    def get_page_subtitle(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            REPORTS_BREADCRUMB,
            {"url": reverse("training_reports:person", args=[self.person.pk]), "label": str(self.person)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person, "expired": self.expired}

    def expired(self, version) -> bool:
        """Whether the person's acknowledgement of `version`, the one in force, has expired or expires soon."""
        item = standing_for(self.person).item_for_page(version.policy_id)
        return item is not None and item.is_renewable and item.requirement.current_version_id == version.pk

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            media=context["form"].media,
            action_url=self.request.get_full_path(),
            submit_button_label=_("Record the paper sign-off"),
            submit_button_active_label=_("Recording…"),
        )
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        data = form.cleaned_data
        ack, created = record_paper_sign_off(
            person=self.person,
            version=data["version"],
            signed_on=data["signed_on"],
            recorded_by=self.request.user,
            remark=data["remark"].strip(),
            scan=data["scan"] or None,
            checked=form.checked_scan,
            renew=form.renews,
        )
        if not created:
            # Someone signed or recorded the same version a moment ago.
            form.add_error(None, already_acknowledged(ack))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        person = self.person
        send_receipt(receipt_for(ack), to=person.email, language=person.preferred_language or ack.language)
        messages.success(
            self.request,
            gettext("Paper sign-off of %(version)s recorded for %(person)s.")
            % {"version": ack.version, "person": person},
        )
        return redirect("training_reports:person", person.pk)


def paper_sign_off_scan(request, pk: int, acknowledgement: int):
    """The scan of a paper sign-off, for those who may read the person's records; never a public URL."""
    person = person_in_scope(request.user, pk)
    ack = get_object_or_404(Acknowledgement, pk=acknowledgement, user=person, method=SignatureMethod.PAPER)
    if not ack.scan:
        raise Http404
    extension = ack.scan.name.rsplit(".", 1)[-1]
    if extension not in SCAN_TYPES:
        raise Http404
    response = FileResponse(
        ack.scan.open("rb"),
        content_type=SCAN_TYPES[extension][0],
        filename=f"paper-sign-off-{ack.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
