"""Downloading an evidence pack: Compliance for anyone, a manager for the members of their teams."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from policy_content.models import Acknowledgement, PolicyPage
from quizzes.models import ConversationAttempt, QuizAttempt

from ..models import User
from .evidence_pack import evidence_pack
from .reports import people_in_scope, sees_all_teams


def _zip_response(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="evidence-{name}-{timezone.localdate():%Y-%m-%d}.zip"'
    return response


def person_pack(request, pk: int):
    """One person's acknowledgements, quiz and conversation attempts; 404 for anyone outside the reader's scope."""
    person = get_object_or_404(people_in_scope(request.user, include_inactive=True), pk=pk)
    data = evidence_pack(
        title=f"{person.get_full_name()} <{person.email}>",
        acknowledgements=Acknowledgement.objects.filter(user=person),
        attempts=QuizAttempt.objects.filter(user=person),
        conversations=ConversationAttempt.objects.filter(user=person),
    )
    return _zip_response(data, slugify(person.email) or str(person.pk))


def policy_pack(request, pk: int):
    """One policy's acknowledgements and the attempts at the quizzes and conversations that train it, for the people in scope."""
    policy = get_object_or_404(PolicyPage, pk=pk)
    people = people_in_scope(request.user, include_inactive=True)
    if sees_all_teams(request.user):
        people = User.objects.all()
    data = evidence_pack(
        title=policy.title,
        acknowledgements=Acknowledgement.objects.filter(version__policy=policy, user__in=people),
        attempts=QuizAttempt.objects.filter(quiz__policy=policy, user__in=people),
        conversations=ConversationAttempt.objects.filter(conversation__policy=policy, user__in=people),
    )
    return _zip_response(data, policy.slug)
