import copy

import pytest
from django.core.exceptions import ValidationError

from quizzes.conversation_demo import stream_data
from quizzes.conversation_graph import best_path, graph_data, graph_problems, longest_path
from quizzes.models import ConversationPage
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import SMALL_CONVERSATION, ConversationPageFactory

pytestmark = pytest.mark.django_db


def graph_of(script, *, anchors=frozenset()):
    page = ConversationPage(steps=stream_data(script, policy_anchors=set(anchors)))
    return graph_data(page.steps)


def script(**changes):
    data = copy.deepcopy(SMALL_CONVERSATION)
    for key, value in changes.items():
        data[key] = value
    return data


def problems_of(data, max_length=8):
    return graph_problems(graph_of(data), max_length=max_length)


def test_a_sound_conversation_has_no_problems():
    assert problems_of(script()) == []


def test_the_best_path_earns_the_most_points_and_ends_resolved():
    graph = graph_of(script())
    score, path = best_path(graph)
    assert score == 4
    chosen = [graph["steps"][step]["options"] for step, _option in path]
    assert [graph["steps"][step]["key"] for step, _option in path] == ["opening", "listening"]
    assert [
        next(o for o in options if o["id"] == option)["leads_to"]
        for options, (_s, option) in zip(chosen, path, strict=True)
    ] == [
        "listening",
        "resolved",
    ]
    assert longest_path(graph) == 2


def test_a_reply_pointing_nowhere_is_named_with_its_step():
    data = script()
    data["steps"][1]["options"][0] = ("Wait.", "nowhere", 1, "", "")
    assert problems_of(data) == ["A reply in step “listening” leads to “nowhere”, which is no step or ending."]


def test_an_ending_no_reply_leads_to_cannot_be_reached():
    data = script()
    data["endings"].append({"key": "orphan", "outcome": "lost", "customer": "", "explanation": "Never."})
    assert problems_of(data) == ["“orphan” cannot be reached from the first step: no reply leads to it."]


def test_a_loop_between_steps_is_refused_because_the_path_might_never_end():
    data = script()
    data["steps"].append(
        {"key": "again", "customer": "Again?", "tone": "angry", "options": [("Yes", "listening", 0, "", "")] * 2}
    )
    data["steps"][1]["options"][1] = ("Ask again.", "again", 0, "", "")
    problems = problems_of(data)
    assert len(problems) == 1
    assert "listening → again → listening" in problems[0]


def test_a_reply_back_to_the_first_step_is_refused():
    data = script()
    data["steps"][1]["options"][1] = ("Start over.", "opening", 0, "", "")
    assert problems_of(data) == ["A reply in step “listening” leads back to the first step."]


def test_the_longest_path_must_fit_the_limit():
    assert problems_of(script(), max_length=1) == ["The longest path takes 2 replies; the most allowed is 1."]


def test_keys_must_be_unique_and_later_steps_need_the_customers_words():
    data = script()
    data["endings"][1]["key"] = "resolved"
    data["steps"][1]["customer"] = " "
    problems = problems_of(data)
    assert "The key “resolved” is used 2 times; each step and ending needs its own." in problems
    assert "Step “listening” needs what the customer says or does." in problems


def test_a_conversation_without_endings_is_refused():
    data = script(endings=[])
    assert "Add at least one ending." in problems_of(data)


def test_saving_a_broken_conversation_shows_every_problem_on_the_steps_field():
    page = ConversationPageFactory()
    page.steps = stream_data(script(endings=SMALL_CONVERSATION["endings"][:2]), policy_anchors=set())
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["steps"] == [
        "A reply in step “opening” leads to “lost”, which is no step or ending."
    ]


def test_a_reply_must_cite_a_section_that_exists_in_the_policy():
    page = ConversationPageFactory(policy=PolicyPageFactory())
    assert page.steps[0].value["options"][0]["policy_section"] == "purpose"
    page.full_clean()
    page.steps[0].value["options"][0]["policy_section"] = "no-such-section"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "no-such-section" in str(error.value)


def list_block(items):
    """A ListBlock's form data (Wagtail's helpers cover StreamFields only)."""
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "deleted": "", "order": str(index), "id": ""}
    return data


def test_an_editor_can_add_a_conversation_beside_the_quizzes(client, editor):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = ConversationPageFactory().get_parent()
    client.force_login(editor)
    url = f"/admin/pages/add/quizzes/conversationpage/{index.pk}/"
    assert client.get(url).status_code == 200
    option = {"text": "Sorry.", "leads_to": "nowhere", "feedback": "", "score": "1", "policy_section": ""}
    form = nested_form_data(
        {
            "title": "Broken",
            "slug": "broken",
            "intro": "x",
            "topic": "other",
            "channel": "chat",
            "opening_message": "Hello?",
            "pass_mark": "80",
            "attempts_allowed": "3",
            "max_path_length": "8",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "key": "start",
                            "customer_says": "",
                            "tone": "calm",
                            "options": list_block([option, option]),
                        },
                    ),
                    ("ending", {"key": "done", "outcome": "resolved", "customer_says": "", "explanation": "Done."}),
                ]
            ),
        }
    )
    response = client.post(url, form)
    assert response.status_code == 200
    errors = response.context["form"].errors["steps"].as_data()[0]
    assert "A reply in step “start” leads to “nowhere”, which is no step or ending." in str(errors)
    assert not ConversationPage.objects.filter(slug="broken").exists()
