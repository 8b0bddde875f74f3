"""The acknowledgement endpoint of a policy page (a RoutablePageMixin route) and the review report."""

import django_filters
from allauth.account.adapter import get_adapter
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .acknowledgements import (
    AcknowledgementForm,
    AcknowledgementRefused,
    Signature,
    check_version,
    record_acknowledgement,
    statement_for,
)
from .choices import ReviewState
from .columns import CalendarDateColumn
from .frozen import text_for_reader
from .models import PolicyPage
from .reader import reader_item
from .receipts import receipt_for, send_receipt
from .review import policies_for_review, review_state
from .signing import require_recent_authentication
from .spreadsheets import SafeSpreadsheetExportMixin


def _render_refusal(request, page, *, status, form=None, refusal=None):
    overrides = {"refusal": refusal}
    if form is not None:
        overrides["acknowledgement_form"] = form
    response = page.render(request, context_overrides=overrides)
    response.status_code = status
    return response


def acknowledge_policy(request, *, page):
    """POST only: record the reader's acknowledgement of the version in force, then go back to the page.

    The signer must have authenticated within the signing window (policy_content.signing).
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page_url = page.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)

    form = AcknowledgementForm(request.POST, user=request.user)
    try:
        submitted_version_id = int(request.POST.get("version", ""))
    except ValueError:
        return _render_refusal(
            request, page, status=400, refusal=gettext("This acknowledgement does not belong to this policy.")
        )
    try:
        version = check_version(page=page, submitted_version_id=submitted_version_id)
    except AcknowledgementRefused as refusal:
        return _render_refusal(request, page, status=refusal.status, refusal=refusal.message)
    if not form.is_valid():
        return _render_refusal(request, page, status=400, form=form)
    try:
        authentication = require_recent_authentication(request)
    except ReauthenticationRequired:
        # allauth asks for the password (or second factor), then replays this POST: nothing is typed twice.
        messages.info(
            request,
            gettext("To sign, confirm who you are: your acknowledgement is recorded as soon as you have."),
        )
        raise

    acknowledgement, created = record_acknowledgement(
        user=request.user,
        version=version,
        text=text_for_reader(page=page, version=version, sha256=form.cleaned_data.get("text", "")),
        statement=statement_for(page=page, version=version),
        typed_name=form.cleaned_data["typed_name"],
        language=page.locale.language_code,
        ip_address=get_adapter(request).get_client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        signature=Signature(authentication_method=authentication.method, authenticated_at=authentication.at),
        renew=lambda: getattr(reader_item(request, page), "is_renewable", False),
    )
    when = date_format(localtime(acknowledgement.acknowledged_at), "DATETIME_FORMAT")
    if created:
        send_receipt(
            receipt_for(acknowledgement),
            to=request.user.email,
            language=getattr(request.user, "preferred_language", "") or acknowledgement.language,
        )
        messages.success(
            request,
            gettext("Thank you. Your acknowledgement of version %(number)s is recorded (%(when)s).")
            % {"number": version.number, "when": when},
        )
    else:
        messages.info(
            request,
            gettext("You had already acknowledged version %(number)s on %(when)s; nothing more to do.")
            % {"number": version.number, "when": when},
        )
    return HttpResponseRedirect(page_url)


# The annual review report (Wagtail admin) ----------------------------------------------------


class ReviewFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[
            (ReviewState.OVERDUE, _("Overdue")),
            (ReviewState.DUE_SOON, _("Due in the next 60 days")),
            (ReviewState.NOT_SET, _("No review date")),
            ("all", _("All policies")),
        ],
        empty_label=_("Due, overdue or undated"),
        method="filter_state",
    )

    class Meta:
        model = PolicyPage
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset  # applied in get_base_queryset, which needs today's date


class ReviewRow:
    """A policy as the review report shows it."""

    def __init__(self, page, today):
        self.page = page
        self.pk = page.pk
        self.title = page.title
        self.policy_owner = page.policy_owner
        self.review_due = page.review_due
        self.version = page.current_number
        self.version_published_at = page.current_published_at
        self.state = review_state(page.review_due, today=today)
        self.state_label = self.state.label
        self.live = gettext("Yes") if page.live else gettext("No")
        self.open_questions = page.open_questions


class PolicyReviewReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Policy reviews")
    header_icon = "calendar-alt"
    index_url_name = "policy_review_report"
    index_results_url_name = "policy_review_report_results"
    filterset_class = ReviewFilterSet
    model = PolicyPage
    list_export = [
        "title",
        "policy_owner",
        "version",
        "version_published_at",
        "review_due",
        "state_label",
        "open_questions",
        "live",
    ]
    export_headings = {
        "title": _("Policy"),
        "policy_owner": _("Owner"),
        "version": _("Version"),
        "version_published_at": _("Version published"),
        "review_due": _("Review due"),
        "state_label": _("Review"),
        "open_questions": _("Readers' open questions"),
        "live": _("Published"),
    }

    def get_filename(self):
        return f"policy-reviews-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Policy"),
                get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.pk]),
            ),
            Column("policy_owner", label=_("Owner")),
            Column("version", label=_("Version")),
            CalendarDateColumn("version_published_at", label=_("Version published")),
            CalendarDateColumn("review_due", label=_("Review due")),
            Column("state_label", label=_("Review")),
            TitleColumn(
                "open_questions",
                label=_("Readers' open questions"),
                get_url=lambda row: reverse("reader_questions:index") + f"?policy={row.pk}",
            ),
            TitleColumn(
                "clause_insight",
                label=_("Clause insight"),
                accessor=lambda row: _("By section"),
                get_url=lambda row: reverse("policy_clause_insight", args=[row.pk]),
            ),
        ]

    def get_base_queryset(self):
        state = self.request.GET.get("state", "")
        return policies_for_review(today=timezone.localdate(), state=state)

    def get_filtered_queryset(self):
        today = timezone.localdate()
        queryset = self.filter_queryset(self.get_queryset())
        return [ReviewRow(page, today) for page in queryset]
