"""People whose acknowledgements or quiz attempts are evidence cannot be deleted, only deactivated."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

from policy_content.models import Acknowledgement
from quizzes.models import QuizAttempt

__all__ = ["people_with_evidence", "refuse_deleting_people_with_evidence"]


def people_with_evidence(candidates) -> list:
    """The people among `candidates` who have acknowledged a policy or attempted a quiz (one query)."""
    user_model = get_user_model()
    ids = [person.pk for person in candidates if isinstance(person, user_model)]
    if not ids:
        return []
    return list(
        user_model.objects.filter(pk__in=ids)
        .filter(
            Exists(Acknowledgement.objects.filter(user=OuterRef("pk")))
            | Exists(QuizAttempt.objects.filter(user=OuterRef("pk")))
        )
        .order_by("name", "email")
    )


def refuse_deleting_people_with_evidence(request, candidates):
    """Explain and offer deactivation instead of deleting (or a 500 from the protected records)."""
    protected = people_with_evidence(candidates)
    if not protected:
        return None
    messages.error(
        request,
        gettext(
            "%(names)s cannot be deleted: their policy acknowledgements and quiz attempts are kept as evidence. "
            "Deactivate the account instead (untick “active”)."
        )
        % {"names": ", ".join(str(person) for person in protected)},
    )
    return redirect(request.META.get("HTTP_REFERER") or reverse("wagtailadmin_home"))
