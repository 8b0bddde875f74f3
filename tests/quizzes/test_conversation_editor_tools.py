"""What editors get: a preview as a taker sees it, a map of the conversation, and the step analysis."""

import copy

import pytest
from django.urls import reverse

from quizzes.conversation_analysis import step_analysis
from quizzes.conversation_demo import stream_data
from quizzes.conversation_graph import graph_data
from quizzes.conversation_map import conversation_map
from quizzes.models import ConversationAttempt, ConversationPage
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.conversation_helpers import play
from tests.quizzes.factories import SMALL_CONVERSATION, ConversationPageFactory
from tests.training.factories import UserFactory

from .test_conversation_taking import BEST, ESCALATED, LOST

pytestmark = pytest.mark.django_db


def preview(conversation, user, rf, mode):
    request = rf.get("/")
    request.user = user
    response = conversation.make_preview_request(original_request=request, preview_mode=mode)
    response.render()
    return response.status_code, response.content.decode()


def test_the_preview_shows_every_step_as_a_taker_meets_it_and_records_nothing(rf, editor, home_page):
    conversation = ConversationPageFactory()
    status, html = preview(conversation, editor, rf, "conversation")
    assert status == 200
    assert "Fine. It&#x27;s order 1234." in html
    assert "I&#x27;ll pass this to my supervisor." in html
    assert "Escalation works but was not needed." not in html
    assert not ConversationAttempt.objects.exists()


def test_the_map_draws_a_box_per_step_and_ending_and_an_arrow_per_reply(rf, editor, home_page):
    conversation = ConversationPageFactory()
    status, html = preview(conversation, editor, rf, "map")
    assert status == 200
    assert html.count('class="conversation-map__edge"') == 4
    assert html.count("<rect ") == 5
    for key in ("opening", "listening", "resolved", "escalated", "lost"):
        assert f">{key}</text>" in html


def test_the_map_puts_each_node_right_of_the_step_that_leads_to_it_and_shows_a_reply_pointing_nowhere():
    script = copy.deepcopy(SMALL_CONVERSATION)
    script["steps"][1]["options"][1] = ("Hold on.", "nowhere", 0, "", "")
    graph = graph_data(ConversationPage(steps=stream_data(script, policy_anchors=set())).steps)
    drawn = conversation_map(graph)
    x = {node.key: node.x for node in drawn.nodes}
    assert x["opening"] < x["listening"] < x["resolved"]
    assert x["opening"] < x["lost"]
    assert [edge.reply for edge in drawn.edges if edge.dangling] == ["Hold on."]
    assert max(node.x for node in drawn.nodes) + drawn.box_width <= drawn.width


@pytest.fixture
def played(client, home_page):
    conversation = ConversationPageFactory(policy=PolicyPageFactory(), attempts_allowed=0)
    for path in (LOST, LOST, BEST, ESCALATED):
        client.force_login(UserFactory())
        play(client, conversation, path)
    return conversation


def test_the_analysis_says_where_people_go_where_the_customer_is_lost_and_the_commonest_wrong_turn(played):
    opening, listening = step_analysis(played)
    assert (opening.step_key, opening.reached, opening.lost_here, opening.share_lost) == ("opening", 4, 2, 50)
    assert opening.choices == (("I'm sorry; let me look at your order now.", 2), ("That's not my department.", 2))
    assert (opening.most_common_wrong, opening.most_common_wrong_count) == ("That's not my department.", 2)
    assert opening.wrong_policy_section == "complaints"
    assert opening.customer_says == played.opening_message
    assert (listening.reached, listening.lost_here, listening.most_common_wrong) == (
        2,
        0,
        "I'll pass this to my supervisor.",
    )


def test_the_analysis_report_lists_each_step_and_exports_it(client, editor, employee, played):
    client.force_login(editor)
    url = reverse("conversation_analysis")
    response = client.get(url, {"conversation": played.pk})
    assert response.status_code == 200
    assert "That&#x27;s not my department." in response.content.decode()
    export = client.get(url, {"conversation": played.pk, "export": "csv"})
    text = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Most common wrong turn" in text.splitlines()[0]
    assert len(text.strip().splitlines()) == 3
    client.force_login(employee)
    assert client.get(url).status_code in (302, 403)
