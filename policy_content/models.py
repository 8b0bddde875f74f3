"""Policy pages, their versions and the acknowledgements people give them."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import PolicyBodyBlock, anchor_for
from .choices import SignatureMethod
from .forms import PolicyPageForm
from .immutable import ImmutableModel, ImmutableQuerySet, ImmutableRecordError
from .localized import TranslatedPageMixin
from .page_cache import cacheable
from .permissions import PolicyPermissionTester
from .scans import scan_storage

__all__ = [
    "Acknowledgement",
    "EvidenceChainHead",
    "EvidenceRecord",
    "FrozenText",
    "ImmutableRecordError",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyVersion",
]


class PolicyVersionQuerySet(ImmutableQuerySet):
    def current(self):
        """The version in force of each policy: its highest number."""
        latest = PolicyVersion.objects.filter(policy_id=models.OuterRef("policy_id")).order_by("-number").values("pk")
        return self.filter(pk=models.Subquery(latest[:1]))


class PolicyIndexPage(Page):
    """The library of policies."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["training.HomePage"]
    subpage_types = ["policy_content.PolicyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy library")

    def permissions_for_user(self, user):
        return PolicyPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from .acknowledgements import library_entries

        context = super().get_context(request, *args, **kwargs)
        policies = PolicyPage.objects.child_of(self).live().public().order_by("title")
        context["entries"] = library_entries(request=request, policies=list(policies))
        return context


class PolicyPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """One policy: sections of text and tables, published in numbered versions that people acknowledge."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the policy is for and who it applies to.")
    )
    body = StreamField(PolicyBodyBlock(), verbose_name=_("body"), help_text=_("The policy, section by section."))
    policy_owner = models.CharField(
        _("policy owner"),
        max_length=150,
        help_text=_("The role or person responsible for keeping this policy current, e.g. “Head of Customer Service”."),
    )
    review_due = models.DateField(
        _("review due"),
        null=True,
        blank=True,
        help_text=_("When the policy must next be reviewed. Leave as it is to use 12 months after each new version."),
    )
    acknowledgement_required = models.BooleanField(
        _("acknowledgement required"),
        default=True,
        help_text=_("Whether readers must confirm they have read and will follow each new version."),
    )
    mark_as_new_version = models.BooleanField(
        _("this is a new version"),
        default=False,
        help_text=_(
            "Tick when the rules change: publishing creates a new numbered version and everyone must "
            "acknowledge it again. Leave unticked for corrections (typos, links) that change no rule."
        ),
    )
    change_summary = models.TextField(
        _("change summary"),
        blank=True,
        help_text=_("Required for a new version: what changed, in words every reader understands."),
    )
    # Kept in step with the versions on the default-language page; translations copy it when they are
    # synchronised, so a translation carries the number of the version its text was translated from.
    renders_version = models.PositiveIntegerField(_("version shown"), null=True, blank=True)
    # The change summary of that version, kept here (not only on the version record) so that it is
    # translated along with the page.
    version_summary = models.TextField(_("summary of the version shown"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("policy_owner"), FieldPanel("review_due"), FieldPanel("acknowledgement_required")],
            heading=_("Ownership and review"),
        ),
        MultiFieldPanel(
            [FieldPanel("mark_as_new_version"), FieldPanel("change_summary")],
            heading=_("Publishing this change"),
            help_text=_("Read before publishing or submitting for approval."),
        ),
    ]
    # The body is indexed as the text readers see (no Markdown); autocomplete lets the admin's search find it.
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("search_text"),
    ]
    base_form_class = PolicyPageForm
    parent_page_types = ["policy_content.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def clean(self):
        super().clean()
        if self.mark_as_new_version and not (self.change_summary or "").strip():
            raise ValidationError({"change_summary": _("Describe what changed: a new version needs a change summary.")})

    def permissions_for_user(self, user):
        return PolicyPermissionTester(user, self)

    @cached_property
    def current_version(self) -> "PolicyVersion | None":
        """The version in force of the source policy, or None before the first publication."""
        return PolicyVersion.objects.current().filter(policy_id=self.source_page.pk).first()

    @property
    def is_out_of_date(self) -> bool:
        """A translation of an older version than the current one: readable, not acknowledgeable."""
        current = self.current_version
        return current is not None and self.source_page.pk != self.pk and self.renders_version != current.number

    def section_anchors(self) -> list[tuple[str, str]]:
        """(anchor, heading) of every section, in reading order."""
        return [
            (child.value.get("anchor") or anchor_for(child.value.get("heading")), child.value.get("heading"))
            for child in self.body
        ]

    def search_text(self) -> str:
        """Headings and readable text of every section, without Markdown: what search indexes."""
        from .comparison import section_texts

        return "\n".join(line for _anchor, heading, lines in section_texts(self) for line in [heading, *lines])

    def get_context(self, request, *args, **kwargs):
        from .acknowledgements import reading_context
        from .reader import reader_rechecks
        from .receipts import receipt_of

        context = super().get_context(request, *args, **kwargs)
        context.update(reading_context(page=self, request=request, form=kwargs.get("form")))
        context["rechecks"], context["recheck_anchors"] = reader_rechecks(request, context.get("current_version"))
        if context.get("item") is not None and context["item"].is_done and context.get("current_version"):
            context["receipt"] = receipt_of(user=request.user, version=context["current_version"])
        if request.user.is_authenticated and not getattr(request, "is_preview", False):
            context["question_form"] = QuestionForm(
                sections=context["toc"], initial={"section": request.GET.get("ask", "")}
            )
        return context

    @path("")
    def read(self, request):
        return cacheable(self.render(request))

    @path("acknowledge/", name="acknowledge")
    def acknowledge(self, request):
        from .views import acknowledge_policy

        return acknowledge_policy(request, page=self)

    @path("ask/", name="ask")
    def ask(self, request):
        from .reader_question_views import ask_about_policy

        return ask_about_policy(request, page=self)


class PolicyVersion(ImmutableModel):
    """A numbered, published state of a policy: what people acknowledge."""

    policy = models.ForeignKey(PolicyPage, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        # PROTECT: Wagtail's purge_revisions leaves a protected revision alone.
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    change_summary = models.TextField(_("change summary"), blank=True)
    changed_sections = models.JSONField(
        _("changed sections"),
        default=list,
        blank=True,
        help_text=_("Anchors of the sections this version changed against the version before it."),
    )

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["policy", "-number"]
        constraints = [models.UniqueConstraint(fields=["policy", "number"], name="policy_version_number_unique")]

    def __str__(self):
        return _("%(policy)s, version %(number)s") % {"policy": self.policy.title, "number": self.number}


class Acknowledgement(ImmutableModel):
    """A person's signed confirmation that they read and will follow one version of a policy."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    version = models.ForeignKey(
        PolicyVersion,
        verbose_name=_("policy version"),
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), default=timezone.now)
    language = models.CharField(_("language"), max_length=8)
    statement = models.TextField(_("statement agreed to"))
    typed_name = models.CharField(_("typed name"), max_length=150)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.TextField(_("browser"), blank=True)
    account_name = models.CharField(_("name on the account"), max_length=150, blank=True)
    text = models.ForeignKey(
        "FrozenText",
        verbose_name=_("text shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    text_sha256 = models.CharField(_("SHA-256 of the text shown"), max_length=64, blank=True)
    renewal = models.PositiveSmallIntegerField(
        _("renewal"),
        default=0,
        db_default=0,
        help_text=_("0 for the first acknowledgement of a version; 1, 2… for each renewal after it expired."),
    )
    # What the chain record covers: 1 for acknowledgements recorded before the fields below existed.
    evidence_format = models.PositiveSmallIntegerField(_("evidence format"), default=2)
    method = models.CharField(_("how signed"), max_length=10, choices=SignatureMethod, default=SignatureMethod.ONLINE)
    authentication_method = models.CharField(_("last authentication"), max_length=60, blank=True)
    authenticated_at = models.DateTimeField(_("last authenticated at"), null=True, blank=True)
    # A paper sign-off: who recorded it, the date on the paper, a remark and the scan.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_on = models.DateField(_("date on the paper"), null=True, blank=True)
    remark = models.TextField(_("remark"), blank=True)
    scan = models.FileField(_("scan"), storage=scan_storage, upload_to="paper-sign-offs/%Y/%m/", blank=True)
    scan_sha256 = models.CharField(_("SHA-256 of the scan"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version", "renewal"], name="acknowledgement_once_per_renewal")
        ]

    def __str__(self):
        return _("%(person)s acknowledged %(version)s") % {"person": self.user, "version": self.version}

    @property
    def is_paper(self) -> bool:
        return self.method == SignatureMethod.PAPER

    @admin.display(description=_("how signed"))
    def signature_display(self) -> str:
        """How it was signed, as every listing shows it."""
        if self.is_paper:
            return _("Paper sign-off recorded by %(name)s") % {"name": self.recorded_by}
        return str(SignatureMethod.ONLINE.label)


class FrozenText(ImmutableModel):
    """The exact text readers of one version were shown in one language; a minor edit adds an edition."""

    version = models.ForeignKey(
        PolicyVersion, verbose_name=_("policy version"), on_delete=models.PROTECT, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=8)
    edition = models.PositiveIntegerField(_("edition"), default=1)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    body_html = models.TextField(_("text (HTML)"))
    body_text = models.TextField(_("text (plain)"))
    statement = models.TextField(_("statement"))
    published_at = models.DateTimeField(_("shown from"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("frozen policy text")
        verbose_name_plural = _("frozen policy texts")
        ordering = ["version", "language", "edition"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language", "edition"], name="frozen_text_edition_unique")
        ]

    def __str__(self):
        return f"{self.version} [{self.language}] #{self.edition}"


from .evidence_models import EvidenceChainHead, EvidenceRecord  # noqa: E402  (models of this app, in their own module)
from .learning_record_models import LearningRecord  # noqa: E402, F401  (a model of this app, in its own module)
from .reader_questions import QuestionForm, ReaderQuestion  # noqa: E402, F401  (a model of this app, in its own module)
