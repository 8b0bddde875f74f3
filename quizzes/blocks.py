"""The scenario question bank: three question types sharing one scenario frame."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from policy_content.blocks import AnchorBlock

from .choices import Channel


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=400, help_text=_("What the employee could do or say."))
    correct = blocks.BooleanBlock(label=_("correct"), required=False, help_text=_("Tick for a right answer."))
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown after submission to whoever chose this answer: why it is right or wrong."),
    )

    class Meta:
        icon = "tick"
        label = _("answer")


class StepBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("step"), max_length=400, help_text=_("One step of the procedure."))

    class Meta:
        icon = "list-ol"
        label = _("step")


class ScenarioBlock(blocks.StructBlock):
    """The scenario every question type shares."""

    channel = blocks.ChoiceBlock(
        choices=Channel.choices, label=_("channel"), help_text=_("Where the conversation happens.")
    )
    customer_says = blocks.TextBlock(
        label=_("the customer says"), help_text=_("The customer's words, as they would write or say them.")
    )
    situation = blocks.TextBlock(label=_("situation"), required=False, help_text=_("Context the employee knows."))
    prompt = blocks.CharBlock(label=_("question"), max_length=300, help_text=_("What the employee must decide."))
    explanation = blocks.TextBlock(
        label=_("explanation"), help_text=_("Shown after submission: the rule behind the right answer.")
    )
    points = blocks.IntegerBlock(
        label=_("points"), default=1, min_value=1, max_value=10, help_text=_("Weight of this question.")
    )
    policy_section = AnchorBlock(
        label=_("policy section"),
        help_text=_("Anchor of the policy section this question tests (see the policy's table of contents)."),
    )


class SingleChoiceQuestionBlock(ScenarioBlock):
    choices = blocks.ListBlock(OptionBlock(), min_num=2, label=_("answers"))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        help_text = _("Exactly one answer is right.")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["choices"] if option["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value


class MultipleResponseQuestionBlock(ScenarioBlock):
    choices = blocks.ListBlock(OptionBlock(), min_num=2, label=_("answers"))

    class Meta:
        icon = "tasks"
        label = _("Choose all that apply")
        help_text = _("One or more answers are right; partial answers earn partial points.")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["choices"] if option["correct"])
        if correct == 0:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value


class OrderingQuestionBlock(ScenarioBlock):
    steps = blocks.ListBlock(
        StepBlock(), min_num=2, label=_("steps in the right order"), help_text=_("Takers see them shuffled.")
    )

    class Meta:
        icon = "order"
        label = _("Put in order")
        help_text = _("The steps of a procedure, to be put in the right order.")


class QuestionBankBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_response = MultipleResponseQuestionBlock()
    ordering = OrderingQuestionBlock()

    class Meta:
        label = _("question bank")
