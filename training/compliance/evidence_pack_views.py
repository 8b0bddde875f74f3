"""Downloading an evidence pack: Compliance for anyone, a manager for the members of their teams."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from policy_content.models import Acknowledgement, PolicyPage
from policy_content.spreadsheets import log_download
from quizzes.models import ConversationAttempt, QuizAttempt

from ..models import User
from .evidence_pack import evidence_pack
from .reports import people_in_scope, sees_all_teams


def _zip_response(request, data: bytes, name: str, *, report: str, records) -> HttpResponse:
    log_download(request, report=report, export_format="zip", rows=sum(rows.count() for rows in records), filters={})
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="evidence-{name}-{timezone.localdate():%Y-%m-%d}.zip"'
    return response


def person_pack(request, pk: int):
    """One person's acknowledgements, quiz and conversation attempts; 404 for anyone outside the reader's scope."""
    person = get_object_or_404(people_in_scope(request.user, include_inactive=True), pk=pk)
    records = (
        Acknowledgement.objects.filter(user=person),
        QuizAttempt.objects.filter(user=person),
        ConversationAttempt.objects.filter(user=person),
    )
    data = evidence_pack(
        title=f"{person.get_full_name()} <{person.email}>",
        acknowledgements=records[0],
        attempts=records[1],
        conversations=records[2],
    )
    name = slugify(person.email) or str(person.pk)
    return _zip_response(request, data, name, report=f"Evidence pack: {person.email}", records=records)


def policy_pack(request, pk: int):
    """One policy's acknowledgements and the attempts at the quizzes and conversations that train it, for the people in scope."""
    policy = get_object_or_404(PolicyPage, pk=pk)
    people = people_in_scope(request.user, include_inactive=True)
    if sees_all_teams(request.user):
        people = User.objects.all()
    records = (
        Acknowledgement.objects.filter(version__policy=policy, user__in=people),
        QuizAttempt.objects.filter(quiz__policy=policy, user__in=people),
        ConversationAttempt.objects.filter(conversation__policy=policy, user__in=people),
    )
    data = evidence_pack(title=policy.title, acknowledgements=records[0], attempts=records[1], conversations=records[2])
    return _zip_response(request, data, policy.slug, report=f"Evidence pack: {policy.title}", records=records)
