"""Asking about a policy: the `ask/` route of a policy page (POST only, signed in)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext

from .models import PolicyVersion
from .reader_questions import QuestionForm, ReaderQuestion


def ask_about_policy(request, *, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page_url = page.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    form = QuestionForm(request.POST, sections=page.section_anchors())
    if not form.is_valid():
        response = page.render(request, context_overrides={"question_form": form})
        response.status_code = 400
        return response
    section = form.cleaned_data["section"]
    ReaderQuestion.objects.create(
        policy_id=page.source_page.pk,
        version=PolicyVersion.objects.current().filter(policy_id=page.source_page.pk).first(),
        section=section,
        section_heading=form.headings.get(section, ""),
        language=page.locale.language_code,
        asked_by=request.user,
        text=form.cleaned_data["text"],
    )
    messages.success(
        request,
        gettext("Thank you. Your question went to the policy's owner; it is not part of your acknowledgement."),
    )
    return HttpResponseRedirect(page_url)
