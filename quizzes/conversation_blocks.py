"""The blocks of a conversation scenario: steps where the agent chooses a reply, and endings."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from policy_content.blocks import AnchorBlock

from .choices import Outcome, Tone


class StepKeyBlock(AnchorBlock):
    """A short name an option points at; like an anchor, translation leaves it alone."""

    class Meta:
        icon = "tag"
        default = ""


class ReplyOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("reply"), max_length=400, help_text=_("What the agent says or does."))
    leads_to = StepKeyBlock(
        required=True,
        label=_("leads to"),
        help_text=_("The key of the step or ending that follows this reply."),
    )
    feedback = blocks.TextBlock(label=_("feedback"), help_text=_("Shown on the result: why this reply helps or hurts."))
    score = blocks.IntegerBlock(
        label=_("score"), default=0, min_value=0, max_value=10, help_text=_("Points this reply earns, 0 to 10.")
    )
    policy_section = AnchorBlock(
        label=_("policy section"),
        help_text=_("Anchor of the policy section this reply relates to (see the policy's table of contents)."),
    )

    class Meta:
        icon = "comment"
        label = _("reply")


class ConversationStepBlock(blocks.StructBlock):
    key = StepKeyBlock(
        required=True,
        label=_("key"),
        help_text=_("A short name for this step, e.g. refund-asked. Replies point at it."),
    )
    customer_says = blocks.TextBlock(
        label=_("the customer says or does"),
        required=False,
        help_text=_("Required on every step but the first, which follows the opening message."),
    )
    tone = blocks.ChoiceBlock(choices=Tone.choices, label=_("tone"), help_text=_("How the customer comes across."))
    options = blocks.ListBlock(ReplyOptionBlock(), min_num=2, label=_("the agent's replies"))

    class Meta:
        icon = "comment"
        label = _("Step")
        help_text = _("What the customer says or does, and the replies the agent can choose from.")


class ConversationEndingBlock(blocks.StructBlock):
    key = StepKeyBlock(required=True, label=_("key"), help_text=_("A short name for this ending; replies point at it."))
    outcome = blocks.ChoiceBlock(choices=Outcome.choices, label=_("outcome"), help_text=_("How the interaction ended."))
    customer_says = blocks.TextBlock(
        label=_("the customer's last words"), required=False, help_text=_("What the customer says as it ends.")
    )
    explanation = blocks.TextBlock(
        label=_("closing explanation"), help_text=_("Shown on the result: why it ended this way.")
    )

    class Meta:
        icon = "flag"
        label = _("Ending")
        help_text = _("How the conversation ends.")


class ConversationStreamBlock(blocks.StreamBlock):
    step = ConversationStepBlock()
    ending = ConversationEndingBlock()

    class Meta:
        label = _("conversation")
