"""HTTP layer of conversation scenarios; the rules live in conversation_taking.py and conversation_graph.py."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from policy_content.reader import reader_cycle_start, reader_item

from .attempts import QuizRuleError, attempts_in_cycle
from .choices import Channel, Outcome, Tone
from .conversation_graph import best_path, graph_data, node
from .conversation_map import conversation_map
from .conversation_taking import (
    choose_reply,
    conversation_snapshot,
    conversation_so_far,
    position_of,
    start_conversation,
)
from .models import ConversationAttempt, ConversationPage


def _url(conversation, route, *args) -> str:
    return conversation.url + conversation.reverse_subpage(route, args=args)


def reader_attempts(request, conversation: ConversationPage):
    """The reader's attempts that count: those of the current cycle once a pass has expired."""
    count = partial(conversation_so_far, conversation=conversation, user=request.user)
    return attempts_in_cycle(count(), count=count, cycle=partial(reader_cycle_start, request, conversation))


def intro_context(request, *, conversation: ConversationPage) -> dict:
    """The reader's standing on the conversation (from the training rules) and their attempts so far."""
    if not request.user.is_authenticated:
        return {}
    past = (
        ConversationAttempt.objects.filter(conversation=conversation.source_page, user=request.user)
        .submitted()
        .order_by("-submitted_at")
    )
    return {
        "item": reader_item(request, conversation),
        "attempts": reader_attempts(request, conversation),
        "past_attempts": past,
        "rules": conversation.source_page,
    }


def transcript(snapshot: dict, position) -> list[dict]:
    """The conversation so far as chat messages: the customer's, then each reply and the customer's answer."""
    first = node(snapshot, snapshot["start"])
    messages = [{"by": "customer", "text": snapshot["opening_message"], "tone": first["tone"]}]
    if first["customer_says"]:
        messages.append({"by": "customer", "text": first["customer_says"], "tone": first["tone"]})
    for _step, option in position.turns:
        messages.append({"by": "agent", "text": option["text"]})
        following = node(snapshot, option["target"])
        if following.get("customer_says"):
            messages.append({"by": "customer", "text": following["customer_says"], "tone": following.get("tone", "")})
    for message in messages:
        message["tone_label"] = Tone(message["tone"]).label if message.get("tone") in Tone.values else ""
    return messages


def _chat_page(request, *, conversation, attempt, error=None, status=200):
    position = position_of(attempt.snapshot, attempt.turns.order_by("number"))
    step = position.step
    return TemplateResponse(
        request,
        "quizzes/conversation_attempt.html",
        {
            "page": conversation,
            "attempt": attempt,
            "channel": Channel(attempt.snapshot["channel"]).label,
            "chat_messages": transcript(attempt.snapshot, position),
            # Only what the taker needs now: option ids and labels, no scores, feedback or destinations.
            "step_id": step["id"] if step else "",
            "options": [{"id": o["id"], "text": o["text"]} for o in step["options"]] if step else [],
            "turn_number": len(position.turns) + 1,
            "error": error,
        },
        status=status,
    )


def _own_attempt(request, *, conversation, attempt_id) -> ConversationAttempt:
    attempt = ConversationAttempt.objects.filter(
        pk=attempt_id, conversation=conversation.source_page, user=request.user
    ).first()
    if attempt is None:
        raise Http404(_("No such attempt."))
    return attempt


def _refused(request, *, conversation, exc: QuizRuleError):
    messages.error(request, exc.message)
    return TemplateResponse(
        request,
        "quizzes/conversation_page.html",
        {"page": conversation, **intro_context(request, conversation=conversation)},
        status=exc.status,
    )


def start_view(request, *, conversation: ConversationPage):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(conversation.url)
    try:
        attempt = start_conversation(
            conversation=conversation,
            user=request.user,
            language=get_language(),
            cycle=partial(reader_cycle_start, request, conversation),
        )
    except QuizRuleError as exc:
        return _refused(request, conversation=conversation, exc=exc)
    return redirect(_url(conversation, "attempt", attempt.pk))


def turn_view(request, *, conversation: ConversationPage, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, conversation=conversation, attempt_id=attempt_id)
    if attempt.is_submitted:
        return redirect(_url(conversation, "result", attempt.pk))
    if request.method == "GET":
        return _chat_page(request, conversation=conversation, attempt=attempt)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    step_id, option_id = request.POST.get("step", ""), request.POST.get("option", "")
    if not option_id:
        return _chat_page(
            request, conversation=conversation, attempt=attempt, error=_("Choose one of the replies."), status=400
        )
    try:
        position = choose_reply(attempt=attempt, step_id=step_id, option_id=option_id)
    except QuizRuleError as exc:
        attempt.refresh_from_db()
        if attempt.is_submitted:
            return redirect(_url(conversation, "result", attempt.pk))
        return _chat_page(request, conversation=conversation, attempt=attempt, error=exc.message, status=exc.status)
    if position.ending is not None:
        return redirect(_url(conversation, "result", attempt.pk))
    return redirect(_url(conversation, "attempt", attempt.pk) + f"#turn-{len(position.turns) + 1}")


def _section_url(snapshot: dict, anchor: str) -> str:
    return f"{snapshot['policy_url']}#{anchor}" if snapshot.get("policy_url") and anchor else ""


def result_view(request, *, conversation: ConversationPage, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, conversation=conversation, attempt_id=attempt_id)
    if not attempt.is_submitted:
        return redirect(_url(conversation, "attempt", attempt.pk))
    snapshot = attempt.snapshot
    position = position_of(snapshot, attempt.turns.order_by("number"))
    rows = []
    for step, option in position.turns:
        best_score, _rest = best_path(snapshot, start=step["id"])
        step_best = max(o["score"] for o in step["options"])
        rows.append(
            {
                "customer_says": step["customer_says"] or snapshot["opening_message"],
                "option": option,
                "best": option["score"] == step_best,
                "section_url": _section_url(snapshot, option["policy_section"]),
            }
        )
    _best_score, best = best_path(snapshot)
    best_rows = []
    for step_id, option_id in best:
        option = next(o for o in snapshot["steps"][step_id]["options"] if o["id"] == option_id)
        best_rows.append({"option": option, "section_url": _section_url(snapshot, option["policy_section"])})
    best_ending = node(snapshot, best_rows[-1]["option"]["target"]) if best_rows else None
    return TemplateResponse(
        request,
        "quizzes/conversation_result.html",
        {
            "page": conversation,
            "attempt": attempt,
            "rows": rows,
            "ending": position.ending,
            "outcome": Outcome(position.ending["outcome"]).label,
            "best_rows": best_rows,
            "best_ending": best_ending,
            "best_outcome": Outcome(best_ending["outcome"]).label if best_ending else "",
            "took_best_path": [(s["id"], o["id"]) for s, o in position.turns] == best,
            "attempts": reader_attempts(request, conversation),
            "policy_url": snapshot.get("policy_url", ""),
        },
    )


def preview_conversation(request, *, conversation: ConversationPage):
    """Every step as a taker meets it, from the draft; nothing is recorded."""
    snapshot = conversation_snapshot(conversation)
    steps = [
        {
            "key": step["key"],
            "customer_says": step["customer_says"] or snapshot["opening_message"],
            "tone": Tone(step["tone"]).label if step["tone"] in Tone.values else "",
            "options": [o["text"] for o in step["options"]],
        }
        for step in snapshot["steps"].values()
    ]
    return TemplateResponse(
        request,
        "quizzes/conversation_preview.html",
        {
            "page": conversation,
            "steps": steps,
            "channel": Channel(conversation.channel).label if conversation.channel else "",
        },
    )


def preview_map(request, *, conversation: ConversationPage):
    """The editor's map: every step and ending, with an arrow for each reply."""
    return TemplateResponse(
        request,
        "quizzes/conversation_map.html",
        {"page": conversation, "map": conversation_map(graph_data(conversation.steps))},
    )
