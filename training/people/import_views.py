"""Import people in the admin: upload a file, preview what it would do, confirm. Administrators only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from ..models import PeopleImport
from .import_confirm import confirm_import, plan_for
from .people_file import COLUMNS, PeopleFileError, read_columns
from .people_upload import MAX_BYTES, MAX_ROWS, read_upload


class PeopleFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("People file"),
        help_text=gettext_lazy(
            "CSV (UTF-8) or XLSX, up to %(size)s MB and %(rows)s rows, with a header row naming the columns: "
            "%(columns)s. Only email and name are required."
        )
        % {"size": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS, "columns": ", ".join(COLUMNS)},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            if upload.size > MAX_BYTES:
                raise PeopleFileError(
                    _("the file is larger than %(max)s MB; split it into smaller files")
                    % {"max": MAX_BYTES // (1024 * 1024)}
                )
            self.table = read_upload(upload.name, upload.read(MAX_BYTES + 1))
            read_columns(self.table.header)
        except PeopleFileError as exc:
            raise ValidationError(capfirst(str(exc))) from exc
        return upload


class ImportAccess(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """Importing creates and changes people: only who may add and change people may import."""

    model = None  # the viewset's: its permission policy decides
    header_icon = "upload"
    page_title = gettext_lazy("Import people")

    def dispatch(self, request, *args, **kwargs):
        if not (self.user_has_permission("add") and self.user_has_permission("change")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("people:index"), "label": capfirst(_("People"))},
            {"url": "", "label": self.get_page_title()},
        ]


class ImportUploadView(ImportAccess, FormView):
    form_class = PeopleFileForm
    template_name = "training/people_import/upload.html"

    def form_valid(self, form):
        PeopleImport.objects.expired().delete()
        people_import = PeopleImport.objects.create(
            uploaded_by=self.request.user,
            file_name=form.cleaned_data["file"].name[:255],
            table=form.table.as_json(),
        )
        return redirect("people:import_preview", token=people_import.token)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ImportPreviewView(ImportAccess, TemplateView):
    template_name = "training/people_import/preview.html"

    def get_page_title(self):
        return _("Import people: preview")

    def unavailable(self, request, token):
        """A redirect when the upload was already imported or has expired; 404 when it is not the reader's."""
        self.people_import = get_object_or_404(PeopleImport.objects.of(request.user), token=token)
        if self.people_import.applied_at:
            messages.info(request, _("This file has already been imported."))
            return redirect("people:index")
        if not PeopleImport.objects.pending().filter(pk=self.people_import.pk).exists():
            messages.error(request, _("This upload has expired: upload the file again."))
            return redirect("people:import")
        return None

    def get(self, request, *args, token, **kwargs):
        if refusal := self.unavailable(request, token):
            return refusal
        return self.render_to_response(self.get_context_data(plan=plan_for(self.people_import)))

    def post(self, request, *args, token, **kwargs):
        if refusal := self.unavailable(request, token):
            return refusal
        confirmation = confirm_import(
            self.people_import.pk, fingerprint=request.POST.get("fingerprint", ""), by=request.user
        )
        if confirmation.outcome == "changed":
            messages.warning(
                request, _("People changed since this preview was made. Check the new preview and confirm again.")
            )
            return self.render_to_response(self.get_context_data(plan=confirmation.plan), status=409)
        if confirmation.outcome == "gone":
            messages.info(request, _("This file has already been imported."))
            return redirect("people:index")
        result = confirmation.result
        messages.success(
            request,
            _(
                "Imported “%(file)s”: %(created)s created, %(updated)s changed, %(unchanged)s unchanged, "
                "%(skipped)s bad rows skipped."
            )
            % {
                "file": self.people_import.file_name,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": len(result.errors),
            },
        )
        return redirect("people:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people_import"] = self.people_import
        return context
