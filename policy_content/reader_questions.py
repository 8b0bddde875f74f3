"""Readers' questions and comments on a section of a policy: input for its owner's review.

They are kept apart from acknowledgements on purpose: asking never changes what was signed,
and a signature never carries a question.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["QuestionForm", "ReaderQuestion", "ReaderQuestionQuerySet"]

MAX_LENGTH = 2000


class ReaderQuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ReaderQuestion(models.Model):
    policy = models.ForeignKey(
        "policy_content.PolicyPage",
        verbose_name=_("policy"),
        on_delete=models.CASCADE,
        related_name="reader_questions",
        help_text=_("The policy in the default language, whichever translation was read."),
    )
    version = models.ForeignKey(
        "policy_content.PolicyVersion",
        verbose_name=_("version read"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    section = models.CharField(_("section"), max_length=255, blank=True)
    section_heading = models.CharField(_("section heading"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("question or comment"), max_length=MAX_LENGTH)
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(
        _("resolution"),
        blank=True,
        help_text=_("What the review did about it: a change to the policy, an answer, or why nothing changes."),
    )

    objects = ReaderQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader question")
        verbose_name_plural = _("reader questions")
        ordering = ["-asked_at"]

    def __str__(self):
        return self.section_heading or str(self.policy)


class QuestionForm(forms.Form):
    """A question on one section of the page being read (or on the policy as a whole)."""

    section = forms.ChoiceField(label=_("Which part is it about?"), required=False)
    text = forms.CharField(
        label=_("Your question or comment"),
        min_length=5,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("It goes to the policy's owner for the next review. It is not part of your acknowledgement."),
    )

    def __init__(self, *args, sections: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("The policy as a whole")), *sections]
        self.headings = dict(sections)
