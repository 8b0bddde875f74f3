"""Who may translate: editors every language, translators theirs, on each language's tree."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Locale, Page

from ..choices import Role
from ..models import User
from .language_groups import group_name

__all__ = [
    "EDITOR_PAGE_PERMISSIONS",
    "TRANSLATOR_PAGE_PERMISSIONS",
    "ensure_translation_permissions",
    "may_translate",
    "translates_only",
    "translators_of",
]

# The page permissions on the root of each translated tree (the home page in that language): editors'
# on every tree, translators' through the group of that tree's language (language_groups).
# Publishing a policy still goes through its approval workflow (policy_content.workflow).
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")


def ensure_translation_permissions() -> int:
    """Give editors and each language's translators their rights on the translated trees. Idempotent; returns roots."""
    page_type = ContentType.objects.get_for_model(Page)
    permissions = {permission.codename: permission for permission in Permission.objects.filter(content_type=page_type)}
    editors, _ = Group.objects.get_or_create(name=Role.EDITOR)
    roots = list(Page.objects.filter(depth=2).exclude(locale=Locale.get_default()).select_related("locale"))
    for root in roots:
        translators, _ = Group.objects.get_or_create(name=group_name(root.locale.language_code))
        grants = [(editors, codename) for codename in EDITOR_PAGE_PERMISSIONS]
        grants += [(translators, codename) for codename in TRANSLATOR_PAGE_PERMISSIONS]
        for group, codename in grants:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permissions[codename])
    return len(roots)


def translators_of(language: str) -> list[User]:
    """The active members of the Translators group who translate into `language`."""
    people = User.objects.filter(groups__name=Role.TRANSLATOR, is_active=True).distinct().order_by("pk")
    return [person for person in people if language in (person.translation_languages or [])]


def translates_only(user) -> bool:
    """A translator with no broader role: their rights stop at their own languages."""
    if user.is_superuser:
        return False
    roles = set(user.groups.values_list("name", flat=True))
    return Role.TRANSLATOR in roles and not roles & {Role.EDITOR, Role.COMPLIANCE}


def may_translate(user, language: str) -> bool:
    """Whether `user` may work on translations into `language` (editors, Compliance and admins: every one)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not translates_only(user):
        return user.is_superuser or user.groups.filter(name__in=[Role.EDITOR, Role.COMPLIANCE]).exists()
    return language in (user.translation_languages or [])
