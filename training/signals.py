"""Keep allauth's e-mail records in step with people; follow policy versions into their translations."""

from functools import partial

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from policy_content.models import PolicyPage
from policy_content.versions import version_recorded

from .models import User
from .translators.language_groups import sync_language_groups
from .translators.notices import notify_translators
from .translators.rights import ensure_translation_permissions
from .translators.tasks import close_tasks, open_tasks


@receiver(post_save, sender=User)
def record_trusted_email(sender, instance: User, raw=False, update_fields=None, **kwargs):
    """People made by an admin, an import or the demo have an address the company vouches for.

    Sign-up goes through allauth, which records the address unverified and
    sends the confirmation mail; the adapter marks those users to skip this.
    When an admin changes someone's address, the old one stops signing them in
    and is free to be given to someone else.
    """
    if raw or getattr(instance, "_via_signup", False) or not instance.email:
        return
    if update_fields is not None and "email" not in update_fields:
        return
    addresses = EmailAddress.objects.filter(user=instance)
    current = addresses.filter(email__iexact=instance.email).first()
    if current is not None:
        if not current.primary:
            addresses.filter(primary=True).update(primary=False)
            current.primary = True
            current.save(update_fields=["primary"])
        return
    addresses.filter(primary=True).delete()
    EmailAddress.objects.create(user=instance, email=instance.email, verified=True, primary=True)


@receiver(post_save, sender=User)
def translators_rights_follow_their_languages(sender, instance: User, raw=False, update_fields=None, **kwargs):
    # A save of other fields (a sign-in's last_login) leaves the languages, and so the groups, as they were.
    if raw or (update_fields is not None and "translation_languages" not in update_fields):
        return
    sync_language_groups(instance)


@receiver(m2m_changed, sender=User.groups.through)
def translators_rights_follow_their_role(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        sync_language_groups(instance)
        return
    for person in User.objects.filter(pk__in=pk_set or ()):
        sync_language_groups(person)


@receiver(post_save, sender=User)
def admin_speaks_the_preferred_language(sender, instance: User, raw=False, **kwargs):
    """The Wagtail admin reads its language from its own profile; keep it equal to the person's choice."""
    if raw:
        return
    profile = UserProfile.get_for_user(instance)
    if profile.preferred_language != instance.preferred_language:
        profile.preferred_language = instance.preferred_language
        profile.save(update_fields=["preferred_language"])


@receiver(version_recorded)
def open_translation_tasks(sender, version, page, **kwargs):
    """A new version: bring the translation sources up to it, open a task per language, tell its translators."""
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is not None:
        source.update_from_db()
    for task in open_tasks(version):
        transaction.on_commit(partial(notify_translators, task))


@receiver(page_published)
def follow_translations(sender, instance, **kwargs):
    """A published translation closes its tasks; a new translated tree gets its editors' and translators' rights."""
    if instance.locale_id == Locale.get_default().pk:
        return
    if instance.depth == 2:
        ensure_translation_permissions()
    if isinstance(instance, PolicyPage):
        close_tasks(instance)
