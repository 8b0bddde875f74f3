"""Policy acknowledgements: who has acknowledged a version, and when."""

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets.button import HeaderButton

from policy_content.choices import SignatureMethod
from policy_content.columns import CalendarDateColumn
from policy_content.localized import titles_in_language
from policy_content.models import Acknowledgement, PolicyVersion

from ...languages import language_name
from ...models import TrainingSettings, User
from ..loader import PERSON_FIELDS, load_requirements, load_roles, person_facts
from ..reports import (
    people_in_scope,
)
from ..rules import applies_to
from .base import ScopedFilterSet, TrainingReportView

# Policy acknowledgements ----------------------------------------------------------------------


def policy_versions():
    return PolicyVersion.objects.select_related("policy").order_by("policy__title", "-number")


def version_label(version, titles) -> str:
    """ "Customer service policy, version 2", with the policy's title in the reader's language."""
    title = titles.get(version.policy.translation_key, version.policy.title)
    return gettext("%(policy)s, version %(number)s") % {"policy": title, "number": version.number}


def policy_titles(versions=None):
    policies = {version.policy_id: version.policy for version in (versions or policy_versions())}
    return titles_in_language(policies.values(), language=get_language())


class AcknowledgementFilterSet(ScopedFilterSet):
    version = django_filters.ModelChoiceFilter(
        label=_("Policy version"), queryset=lambda request: policy_versions(), method="filter_in_python"
    )
    acknowledged = django_filters.BooleanFilter(label=_("Acknowledged"), method="filter_in_python")

    class Meta:
        model = User
        fields = ["team"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = policy_titles()
        self.filters["version"].field.label_from_instance = lambda version: version_label(version, titles)

    def filter_in_python(self, queryset, name, value):
        return queryset


def signed_how(acknowledgement: dict) -> str:
    """ "Signed online", or "Paper sign-off recorded by …", from a row of `Acknowledgement.objects.values()`."""
    if acknowledgement["method"] == SignatureMethod.PAPER:
        name = acknowledgement["recorded_by__name"] or acknowledgement["recorded_by__email"]
        return gettext("Paper sign-off recorded by %(name)s") % {"name": name}
    return str(SignatureMethod.ONLINE.label)


class AcknowledgementRow:
    """One person in the acknowledgements report, for the chosen version."""

    def __init__(self, person, team_name, acknowledgement, latest_version):
        self.person = person
        self.name = person.name or person.email
        self.email = person.email
        self.team_name = team_name
        self.acknowledged = acknowledgement is not None
        self.acknowledged_at = acknowledgement["acknowledged_at"] if acknowledgement else None
        self.language = acknowledgement["language"] if acknowledgement else ""
        self.latest_version = latest_version
        self.signed_how = signed_how(acknowledgement) if acknowledgement else ""

    @property
    def acknowledged_display(self):
        return gettext("Yes") if self.acknowledged else gettext("No")


class PolicyAcknowledgementsView(TrainingReportView):
    page_title = _("Policy acknowledgements")
    header_icon = "doc-full"
    index_url_name = "training_reports:acknowledgements"
    index_results_url_name = "training_reports:acknowledgements_results"
    filterset_class = AcknowledgementFilterSet
    is_searchable = True
    search_fields = ["name", "email"]
    search_backend_name = None
    default_ordering = "name"
    model = User
    list_export = [
        "name",
        "email",
        "team_name",
        "acknowledged_display",
        "acknowledged_at",
        "signed_how",
        "language",
        "latest_version",
    ]
    export_headings = {
        "name": _("Name"),
        "email": _("E-mail"),
        "team_name": _("Team"),
        "acknowledged_display": _("Acknowledged"),
        "acknowledged_at": _("Acknowledged at"),
        "signed_how": _("How signed"),
        "language": _("Language"),
        "latest_version": _("Latest version acknowledged"),
    }

    def get_base_queryset(self):
        # People without a team who signed stay in Compliance's evidence; the others owe nothing.
        signed = Acknowledgement.objects.values("user_id")
        return people_in_scope(self.request.user, include_teamless=True).filter(
            Q(team__isnull=False) | Q(pk__in=signed)
        )

    def get_valid_orderings(self):
        return ["name", "-name", "team__name", "-team__name"]

    @cached_property
    def requirements(self):
        return load_requirements(settings=TrainingSettings.load(self.request))

    @cached_property
    def version(self):
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("version"):
            return data["version"]
        required = [r for r in self.requirements if r.kind == "policy"]
        if required:
            return policy_versions().filter(pk=required[0].current_version_id).first()
        return policy_versions().first()

    @cached_property
    def header_buttons(self):
        if self.version is None:
            return []
        url = reverse("training_reports:policy_evidence", args=[self.version.policy_id])
        return [HeaderButton(gettext("Evidence pack"), url=url, icon_name="download")]

    def get_page_subtitle(self):
        if self.version is None:
            return ""
        return version_label(self.version, policy_titles([self.version]))

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                sort_key="name",
                get_url=lambda row: reverse("training_reports:person", args=[row.person.pk]),
            ),
            Column("team_name", label=_("Team"), sort_key="team__name"),
            Column("acknowledged_display", label=_("Acknowledged")),
            CalendarDateColumn("acknowledged_at", label=_("When")),
            Column("signed_how", label=_("How signed")),
            Column("language", label=_("Language"), accessor=lambda row: language_name(row.language)),
            Column("latest_version", label=_("Latest version acknowledged")),
        ]

    def get_filtered_queryset(self):
        people = self.get_queryset().select_related("team")
        version = self.version
        if version is None:
            return []
        requirement = next((r for r in self.requirements if r.page_id == version.policy_id), None)
        acks = {}
        latest = {}
        for ack in Acknowledgement.objects.filter(
            user__in=people.values("pk"), version__policy_id=version.policy_id
        ).values(
            "user_id",
            "version_id",
            "version__number",
            "acknowledged_at",
            "language",
            "method",
            "recorded_by__name",
            "recorded_by__email",
        ):
            if ack["version_id"] == version.pk:
                acks[ack["user_id"]] = ack
            latest[ack["user_id"]] = max(latest.get(ack["user_id"], 0), ack["version__number"])
        roles = load_roles(people.values("pk"), [requirement]) if requirement is not None else {}
        rows = []
        for person in people:
            if requirement is not None:
                row = {field: getattr(person, field) for field in PERSON_FIELDS}
                facts = person_facts(row, roles.get(person.pk, frozenset()))
                # Those it does not apply to are listed only when they signed (a deleted team's members).
                if not applies_to(requirement, facts) and person.pk not in acks:
                    continue
            rows.append(
                AcknowledgementRow(
                    person, person.team.local_name if person.team else "", acks.get(person.pk), latest.get(person.pk)
                )
            )
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("acknowledged") is not None:
            rows = [row for row in rows if row.acknowledged == data["acknowledged"]]
        return rows

    def get_filename(self):
        version = self.version
        suffix = f"{version.policy.slug}-v{version.number}" if version else "none"
        return f"acknowledgements-{suffix}-{timezone.localdate():%Y-%m-%d}"
