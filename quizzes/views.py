"""HTTP layer of quiz taking; the rules live in attempts.py and scoring.py."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from policy_content.reader import reader_cycle_start, reader_item

from .attempts import QuizRuleError, attempts_in_cycle, attempts_so_far, snapshot_for, start_attempt, submit_attempt
from .certainty_marking import cbm_average
from .choices import Certainty, Channel, QuestionType
from .models import QuizAttempt, QuizPage
from .rechecks import owed_recheck, start_recheck
from .scoring import AnswerError, Answers, Certainties, asks_certainty, missing_answers

FIELD_PREFIX = "q-"
CERTAINTY_PREFIX = "c-"
POSITION_MARK = "-pos-"


def require_sign_in(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def reader_attempts(request, quiz: QuizPage):
    """The reader's attempts that count: those of the current cycle once a pass has expired."""
    count = partial(attempts_so_far, quiz=quiz, user=request.user)
    return attempts_in_cycle(count(), count=count, cycle=partial(reader_cycle_start, request, quiz))


def intro_context(request, *, quiz: QuizPage) -> dict:
    """The reader's standing on the quiz (from the training rules) and their attempts so far."""
    if not request.user.is_authenticated:
        return {}
    past = QuizAttempt.objects.filter(quiz=quiz.source_page, user=request.user).submitted().order_by("-submitted_at")
    return {
        "item": reader_item(request, quiz),
        "attempts": reader_attempts(request, quiz),
        "past_attempts": past,
        "rules": quiz.source_page,
        "recheck": recheck_context(quiz=quiz, user=request.user),
    }


def recheck_context(*, quiz: QuizPage, user) -> dict | None:
    """The re-check the person owes, with the headings of its sections in the reader's language."""
    owed = owed_recheck(quiz=quiz, user=user)
    if owed is None:
        return None
    headings = dict(quiz.policy.localized.specific.section_anchors()) if quiz.policy_id else {}
    return {
        "owed": owed,
        "headings": [headings.get(anchor, anchor) for anchor in sorted(owed.sections)],
    }


def parse_answers(post) -> Answers:
    """Read the form: radio/checkbox fields q-<question> and position selects q-<question>-pos-<step>."""
    answers: Answers = {}
    positions: dict[str, dict[str, str]] = {}
    for key in post:
        if not key.startswith(FIELD_PREFIX):
            continue
        name = key[len(FIELD_PREFIX) :]
        if POSITION_MARK in name:
            question_id, step_id = name.split(POSITION_MARK, 1)
            positions.setdefault(question_id, {})[step_id] = post.get(key, "")
        else:
            answers[name] = [value for value in post.getlist(key) if value]
    for question_id, placed in positions.items():
        if not all(placed.values()):
            answers[question_id] = []
            continue
        try:
            order = sorted(placed, key=lambda step: int(placed[step]))
            numbers = sorted(int(value) for value in placed.values())
        except ValueError as exc:
            raise AnswerError(_("A position must be a number.")) from exc
        if numbers != list(range(1, len(placed) + 1)):
            raise AnswerError(_("Give each step a different position, from 1 to %(count)s.") % {"count": len(placed)})
        answers[question_id] = order
    return answers


def parse_certainties(post) -> Certainties:
    """Read the form's certainty fields c-<question>: sure, fairly sure or guessing."""
    return {
        key[len(CERTAINTY_PREFIX) :]: post.get(key)
        for key in post
        if key.startswith(CERTAINTY_PREFIX) and post.get(key)
    }


def _own_attempt(request, *, quiz: QuizPage, attempt_id: int) -> QuizAttempt:
    """The signed-in person's attempt at this quiz, or 404: other people's attempts do not exist for them."""
    attempt = QuizAttempt.objects.filter(pk=attempt_id, quiz=quiz.source_page, user=request.user).first()
    if attempt is None:
        raise Http404(_("No such attempt."))
    return attempt


def served_question(
    question: dict, *, selected: list[str], missing: bool = False, ask_certainty: bool = False, certainty: str = ""
) -> dict:
    """A question as a taker sees it: text and options only, never correctness or feedback."""
    return {
        "ask_certainty": ask_certainty,
        "certainty": certainty,
        "id": question["id"],
        "type": question["type"],
        "channel": Channel(question["channel"]).label if question["channel"] in Channel.values else "",
        "customer_says": question["customer_says"],
        "situation": question["situation"],
        "prompt": question["prompt"],
        "options": [
            {"id": option["id"], "text": option["text"], "selected": option["id"] in selected}
            for option in question.get("choices", [])
        ],
        "steps": [
            {
                "id": step["id"],
                "text": step["text"],
                "position": selected.index(step["id"]) + 1 if step["id"] in selected else None,
            }
            for step in question.get("steps", [])
        ],
        "missing": missing,
    }


def feedback_row(question: dict, *, result: dict, policy_url: str) -> dict:
    """One answered question with its feedback, explanation and the link to its policy section."""
    chosen = result.get("chosen", [])
    steps = question.get("steps", [])
    return {
        "question": question,
        "result": result,
        "chosen": chosen,
        "options": question.get("choices") or [],
        "chosen_steps": [step for step_id in chosen for step in steps if step["id"] == step_id],
        "correct_steps": [
            step for step_id in question.get("correct_order", []) for step in steps if step["id"] == step_id
        ],
        "section_url": f"{policy_url}#{question['policy_section']}"
        if policy_url and question["policy_section"]
        else "",
        "certainty_label": Certainty(result["certainty"]).label if result.get("certainty") in Certainty.values else "",
    }


def _question_page(
    request, *, quiz, attempt, snapshot, answers=None, certainties=None, error=None, status=200, preview=False
):
    """The questions as served: text and options only, never correctness or feedback."""
    missing = set(missing_answers(snapshot, answers, certainties)) if answers is not None else set()
    items = [
        served_question(
            question,
            selected=(answers or {}).get(question["id"], []),
            missing=question["id"] in missing,
            ask_certainty=asks_certainty(snapshot),
            certainty=(certainties or {}).get(question["id"], ""),
        )
        for question in snapshot["questions"]
    ]
    return TemplateResponse(
        request,
        "quizzes/attempt.html",
        {
            "page": quiz,
            "attempt": attempt,
            "items": items,
            "error": error,
            "preview": preview,
            "question_types": QuestionType,
            "certainties": Certainty.choices,
            "ask_certainty": asks_certainty(snapshot),
        },
        status=status,
    )


def preview_questions(request, *, quiz: QuizPage):
    """What a taker sees, drawn afresh from the draft; nothing is stored."""
    return _question_page(request, quiz=quiz, attempt=None, snapshot=snapshot_for(quiz), preview=True)


def _refused(request, *, quiz: QuizPage, error: QuizRuleError) -> TemplateResponse:
    """Back to the quiz's introduction, saying why, with the rule's status code."""
    messages.error(request, error.message)
    response = TemplateResponse(request, "quizzes/quiz_page.html", {"page": quiz, **intro_context(request, quiz=quiz)})
    response.status_code = error.status
    return response


def _start(request, *, quiz: QuizPage, starter, **extra):
    """POST only, signed in: start (or resume) with `starter`, then answer on the quiz's own question page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.get_url(request))
    try:
        attempt = starter(quiz=quiz, user=request.user, language=get_language(), **extra)
    except QuizRuleError as exc:
        return _refused(request, quiz=quiz, error=exc)
    return redirect(quiz.get_url(request) + quiz.reverse_subpage("attempt", args=[attempt.pk]))


def start_attempt_view(request, *, quiz: QuizPage):
    return _start(request, quiz=quiz, starter=start_attempt, cycle=partial(reader_cycle_start, request, quiz))


def start_recheck_view(request, *, quiz: QuizPage):
    """The re-check owed, made of the questions on the sections a new version changed."""
    return _start(request, quiz=quiz, starter=start_recheck)


def take_attempt(request, *, quiz: QuizPage, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, quiz=quiz, attempt_id=attempt_id)
    result_url = quiz.get_url(request) + quiz.reverse_subpage("result", args=[attempt.pk])
    if attempt.is_submitted:
        if request.method == "POST":
            messages.info(request, _("This attempt was already submitted; its score is below."))
        return redirect(result_url)
    if request.method == "GET":
        return _question_page(request, quiz=quiz, attempt=attempt, snapshot=attempt.snapshot)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        answers = parse_answers(request.POST)
        certainties = parse_certainties(request.POST)
        if missing_answers(attempt.snapshot, answers, certainties):
            return _question_page(
                request,
                quiz=quiz,
                attempt=attempt,
                snapshot=attempt.snapshot,
                answers=answers,
                certainties=certainties,
                error=_("Answer every question before submitting. Unanswered questions are marked."),
                status=400,
            )
        submit_attempt(attempt=attempt, answers=answers, certainties=certainties)
    except AnswerError as exc:
        return _question_page(
            request, quiz=quiz, attempt=attempt, snapshot=attempt.snapshot, error=str(exc), status=400
        )
    except QuizRuleError as exc:
        return _refused(request, quiz=quiz, error=exc)
    return redirect(result_url)


def attempt_result(request, *, quiz: QuizPage, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, quiz=quiz, attempt_id=attempt_id)
    if not attempt.is_submitted:
        return redirect(quiz.get_url(request) + quiz.reverse_subpage("attempt", args=[attempt.pk]))
    results = {result["question_id"]: result for result in attempt.results}
    policy_url = attempt.snapshot.get("policy_url", "")
    rows = [
        feedback_row(question, result=results.get(question["id"], {}), policy_url=policy_url)
        for question in attempt.snapshot["questions"]
    ]
    average = cbm_average(attempt.results)
    return TemplateResponse(
        request,
        "quizzes/result.html",
        {
            "page": quiz,
            "attempt": attempt,
            "rows": rows,
            "attempts": reader_attempts(request, quiz),
            "cbm_average": float(round(average, 2)) if average is not None else None,
        },
    )
