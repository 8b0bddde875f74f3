"""The blocks a policy is written in: every block is a section with a heading and a stable anchor."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtailmarkdown.blocks import MarkdownBlock

from .rendering import html_to_lines, render_markdown

__all__ = [
    "AnchorBlock",
    "CommitmentsBlock",
    "DefinitionsBlock",
    "EscalationMatrixBlock",
    "MarkdownSectionBlock",
    "PolicyBodyBlock",
    "PolicyMarkdownBlock",
    "ServiceStandardsBlock",
    "anchor_for",
]

ANCHOR_MAX_LENGTH = 60


def anchor_for(heading: str) -> str:
    """The default anchor for a heading: a short ASCII slug."""
    return slugify(strip_tags(heading or ""))[:ANCHOR_MAX_LENGTH].strip("-") or "section"


class AnchorBlock(blocks.FieldBlock):
    """A slug that links to a section. Not a CharBlock, so translation tools leave it alone."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field_options = {"required": required, "help_text": help_text, "max_length": ANCHOR_MAX_LENGTH}
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        return forms.SlugField(**self.field_options)

    def get_prep_value(self, value):
        return value or ""

    def to_python(self, value):
        return value or ""

    class Meta:
        icon = "link"
        default = ""


class PolicyMarkdownBlock(MarkdownBlock):
    """Markdown text, rendered by the policy's own sanitiser (no raw HTML, no scripts)."""

    def render_basic(self, value, context=None):
        return render_markdown(value)

    class Meta:
        icon = "doc-full"


class SectionBlock(blocks.StructBlock):
    """Heading and anchor shared by every section of a policy."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=200, help_text=_("Shown in the table of contents and above the section.")
    )
    anchor = AnchorBlock(
        label=_("Anchor"),
        help_text=_(
            "The address of this section (letters, numbers and hyphens). Leave blank to make one from the "
            "heading; keep it once quizzes and reports link to it."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("anchor"):
            value["anchor"] = anchor_for(value.get("heading"))
        return value

    def text_lines(self, value) -> list[str]:
        """The section's readable text, one line per paragraph, item or row (for comparisons)."""
        raise NotImplementedError


class MarkdownSectionBlock(SectionBlock):
    body = PolicyMarkdownBlock(
        label=_("Text"),
        help_text=_("Markdown: **bold**, *italic*, lists with -, links as [text](https://...). HTML is not allowed."),
    )

    def text_lines(self, value) -> list[str]:
        return html_to_lines(render_markdown(value["body"]))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "policy_content/blocks/markdown_section.html"


class ChannelStandardBlock(blocks.StructBlock):
    channel = blocks.CharBlock(label=_("Channel"), max_length=80, help_text=_("For example: live chat, phone, e-mail."))
    first_response = blocks.CharBlock(
        label=_("First response"), max_length=120, help_text=_("The longest a customer waits for a first real reply.")
    )
    resolution = blocks.CharBlock(
        label=_("Resolution"), max_length=120, required=False, help_text=_("Target time to resolve the request.")
    )
    hours = blocks.CharBlock(
        label=_("Hours"), max_length=120, required=False, help_text=_("When the channel is staffed.")
    )

    class Meta:
        icon = "time"
        label = _("Channel")


class ServiceStandardsBlock(SectionBlock):
    intro = PolicyMarkdownBlock(label=_("Introduction"), required=False, help_text=_("Shown above the table."))
    channels = blocks.ListBlock(ChannelStandardBlock(), label=_("Channels"), min_num=1)
    note = PolicyMarkdownBlock(label=_("Note"), required=False, help_text=_("Shown below the table."))

    def text_lines(self, value) -> list[str]:
        lines = html_to_lines(render_markdown(value["intro"]))
        for row in value["channels"]:
            parts = [row["channel"], row["first_response"], row["resolution"], row["hours"]]
            lines.append(" | ".join(part for part in parts if part))
        return lines + html_to_lines(render_markdown(value["note"]))

    class Meta:
        icon = "time"
        label = _("Service standards per channel")
        template = "policy_content/blocks/service_standards.html"


class EscalationLevelBlock(blocks.StructBlock):
    level = blocks.CharBlock(label=_("Level"), max_length=40, help_text=_("For example: 1, 2, 3."))
    when = blocks.TextBlock(label=_("When"), rows=2, help_text=_("What situation moves a case to this level."))
    who = blocks.CharBlock(label=_("Who"), max_length=120, help_text=_("The role that takes the case over."))
    how = blocks.CharBlock(label=_("How"), max_length=200, help_text=_("How the case is handed over."))
    within = blocks.CharBlock(label=_("Within"), max_length=80, help_text=_("How quickly it must be handed over."))

    class Meta:
        icon = "order"
        label = _("Level")


class EscalationMatrixBlock(SectionBlock):
    intro = PolicyMarkdownBlock(label=_("Introduction"), required=False, help_text=_("Shown above the matrix."))
    levels = blocks.ListBlock(EscalationLevelBlock(), label=_("Levels"), min_num=1)

    def text_lines(self, value) -> list[str]:
        lines = html_to_lines(render_markdown(value["intro"]))
        for row in value["levels"]:
            lines.append(" | ".join([row["level"], row["when"], row["who"], row["how"], row["within"]]))
        return lines

    class Meta:
        icon = "order"
        label = _("Escalation matrix")
        template = "policy_content/blocks/escalation_matrix.html"


class CommitmentsBlock(SectionBlock):
    always = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("We will always"), help_text=_("One promise per item.")
    )
    never = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("We will never"), help_text=_("One thing we never do per item.")
    )

    def clean(self, value):
        value = super().clean(value)
        if not value["always"] and not value["never"]:
            raise StructBlockValidationError(
                block_errors={"always": ValidationError(_("Add at least one item to either list."))}
            )
        return value

    def text_lines(self, value) -> list[str]:
        always = [f"{_('We will always')}: {item}" for item in value["always"]]
        never = [f"{_('We will never')}: {item}" for item in value["never"]]
        return always + never

    class Meta:
        icon = "list-ul"
        label = _("We will always / we will never")
        template = "policy_content/blocks/commitments.html"


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=120, help_text=_("The word or phrase defined."))
    definition = blocks.TextBlock(label=_("Definition"), rows=2, help_text=_("What it means in this policy."))

    class Meta:
        icon = "help"
        label = _("Definition")


class DefinitionsBlock(SectionBlock):
    items = blocks.ListBlock(DefinitionBlock(), label=_("Definitions"), min_num=1)

    def text_lines(self, value) -> list[str]:
        return [f"{item['term']}: {item['definition']}" for item in value["items"]]

    class Meta:
        icon = "help"
        label = _("Definitions")
        template = "policy_content/blocks/definitions.html"


class PolicyBodyBlock(blocks.StreamBlock):
    """The body of a policy: sections in reading order."""

    section = MarkdownSectionBlock()
    service_standards = ServiceStandardsBlock()
    escalation_matrix = EscalationMatrixBlock()
    commitments = CommitmentsBlock()
    definitions = DefinitionsBlock()

    def clean(self, value):
        value = super().clean(value)
        seen: dict[str, int] = {}
        errors = {}
        for index, child in enumerate(value):
            anchor = child.value.get("anchor")
            if anchor in seen:
                errors[index] = ValidationError(
                    _("Another section already uses the anchor “%(anchor)s”; choose a different one.")
                    % {"anchor": anchor}
                )
            seen[anchor] = index
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "doc-full"
        label = _("Policy body")
