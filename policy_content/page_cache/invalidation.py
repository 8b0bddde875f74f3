"""Which writes make which cached pages out of date.

A write to a person's own records replaces that person's token; a write to anything else a page
may show (pages, requirements, teams, settings, groups, locales) replaces the content token, and so
drops every cached page. Unknown models count as content, so a model added later is safe before
anyone thinks of it; only records no page shows are left out. Writes made with `update()` or
`bulk_create()` send no signals: their callers report them (`person_changed`).
"""

from __future__ import annotations

from operator import attrgetter

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .tokens import content_changed, person_changed

# Whose records these are: the attribute holding the person's id.
PERSONAL = {
    "training.user": "pk",
    "training.remindersend": "recipient_id",
    "quizzes.quizattempt": "user_id",
    "quizzes.conversationattempt": "user_id",
    "quizzes.conversationturn": "attempt.user_id",
    "quizzes.refresher": "user_id",
    "quizzes.refresheranswer": "user_id",
    "policy_content.acknowledgement": "user_id",
    "policy_content.evidencerecord": "person_id",
    "policy_content.readerquestion": "asked_by_id",
    "account.emailaddress": "user_id",
    "mfa.authenticator": "user_id",
    "socialaccount.socialaccount": "user_id",
    "wagtailusers.userprofile": "user_id",
}
# Records no page shows: logs, queues, search indexes, sessions, editing state, translation work.
UNSHOWN_APPS = {"migrations", "admin", "sessions", "contenttypes", "wagtailsearch", "wagtail_localize", "wagtailadmin"}
UNSHOWN = {
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",  # a draft shows nowhere; publishing saves the page
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
    "policy_content.learningrecord",
    "policy_content.evidencechainhead",
    "training.peopleimport",
    "training.scimclient",
    "training.scimaccount",
    "training.translationtask",
    "training.standinggeneration",  # the standings table: derived from the records, shown by no page
    "training.standingmark",
    "training.standingitem",
    "account.emailconfirmation",
    "socialaccount.socialtoken",
}


def _historical(instance) -> bool:
    """A migration's model: no page is cached while the schema is being built."""
    return type(instance).__module__ == "__fake__"


def record_changed(instance) -> None:
    if _historical(instance):
        return
    label = instance._meta.label_lower
    if label in PERSONAL:
        person_changed(attrgetter(PERSONAL[label])(instance))
    elif instance._meta.app_label not in UNSHOWN_APPS and label not in UNSHOWN:
        content_changed()


@receiver(post_save, dispatch_uid="page_cache_saved")
def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        record_changed(instance)


@receiver(post_delete, dispatch_uid="page_cache_deleted")
def _deleted(sender, instance, **kwargs):
    record_changed(instance)


@receiver(m2m_changed, dispatch_uid="page_cache_related")
def _related(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if _historical(instance):
        return
    user_model = settings.AUTH_USER_MODEL.lower()
    if instance._meta.label_lower == user_model:
        person_changed(instance.pk)  # a person's roles
    elif model._meta.label_lower == user_model and pk_set:
        person_changed(*pk_set)  # a group's or a team's people
    else:
        record_changed(instance)
