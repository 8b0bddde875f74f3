"""Answering a refresher: one question, then its feedback; the rules live in refreshers.py."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import QuestionType
from .models import Refresher
from .refreshers import RefresherNotDueError, answer_refresher, due_refreshers
from .scoring import AnswerError
from .views import feedback_row, parse_answers, served_question


def _page(request, *, refresher, status=200, **context):
    return TemplateResponse(
        request,
        "quizzes/refresher.html",
        {
            "refresher": refresher,
            "quiz_title": refresher.quiz.localized.title,
            "question_types": QuestionType,
            **context,
        },
        status=status,
    )


def answer_refresher_view(request, refresher_id: int):
    """GET: the question, if due. POST: record the answer and show its feedback (400 on bad input, 409 if not due)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    # Other people's refreshers do not exist for this person.
    refresher = get_object_or_404(Refresher.objects.select_related("quiz"), pk=refresher_id, user=request.user)
    today = timezone.localdate()
    not_due = refresher.retired_on is not None or refresher.due_on > today
    if request.method == "GET":
        if not_due:
            return _page(request, refresher=refresher, not_due=True)
        return _page(request, refresher=refresher, item=served_question(refresher.question, selected=[]))
    try:
        answers = parse_answers(request.POST)
        outcome = answer_refresher(refresher_id=refresher.pk, user=request.user, answers=answers)
    except Refresher.DoesNotExist as exc:
        raise Http404(_("No such refresher.")) from exc
    except RefresherNotDueError:
        return _page(request, refresher=refresher, not_due=True, status=409)
    except AnswerError as exc:
        return _page(
            request,
            refresher=refresher,
            item=served_question(refresher.question, selected=[], missing=True),
            error=str(exc),
            status=400,
        )
    row = feedback_row(
        refresher.question,
        result={"chosen": outcome.answer.chosen, "correct": outcome.answer.correct, "awarded": outcome.awarded},
        policy_url=refresher.policy_url,
    )
    return _page(
        request,
        refresher=outcome.refresher,
        row=row,
        retired=outcome.retired,
        next_refreshers=due_refreshers(request.user, today=today, limit=1),
    )
