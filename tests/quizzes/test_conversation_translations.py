"""A conversation in any language keeps its source's step and reply ids, counts for the source, is analysed as one."""

import pytest

from quizzes.conversation_analysis import step_analysis
from tests.quizzes.conversation_helpers import play
from tests.quizzes.factories import ConversationPageFactory
from tests.training.factories import RequirementFactory
from tests.translation_helpers import translate
from training.choices import Status
from training.compliance.loader import standing_for

from .test_conversation_taking import BEST, LOST

pytestmark = pytest.mark.django_db


def ids_and_keys(page):
    return [
        (
            block.id,
            block.value["key"],
            [(item.id, item.value["leads_to"]) for item in block.value["options"].bound_blocks],
        )
        if block.block_type == "step"
        else (block.id, block.value["key"], [])
        for block in page.steps
    ]


def test_a_translation_keeps_step_and_reply_ids_and_keys_and_translates_the_words(home_page):
    conversation = ConversationPageFactory()
    spanish = translate(conversation, "es")
    assert ids_and_keys(spanish) == ids_and_keys(conversation)
    assert spanish.opening_message.startswith("[es] ")
    assert spanish.steps[1].value["customer_says"].startswith("[es] ")
    assert spanish.steps[0].value["options"][0]["score"] == 2


def test_a_play_in_a_translation_counts_for_the_conversation_and_is_analysed_with_the_source(client, employee):
    conversation = ConversationPageFactory()
    requirement = RequirementFactory(page=conversation)
    greek = translate(conversation, "el")
    client.force_login(employee)

    lost = play(client, greek, LOST)
    passed = play(client, conversation, BEST)

    assert (lost.conversation_id, lost.language) == (conversation.pk, "el")
    assert lost.snapshot["opening_message"].startswith("[el] ")
    assert standing_for(employee).item_for(requirement.pk).status == Status.DONE
    assert passed.language == "en"
    opening = step_analysis(conversation)[0]
    assert (opening.reached, opening.lost_here) == (2, 1)
