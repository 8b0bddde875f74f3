"""Who may translate: editors every language, translators theirs, on each language's tree."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Locale, Page

from ..choices import Role
from ..models import User

__all__ = [
    "TRANSLATION_PAGE_PERMISSIONS",
    "ensure_translation_permissions",
    "may_translate",
    "translates_only",
    "translators_of",
]

# Per group, the page permissions on the root of each translated tree (the home page in that language).
# Publishing a policy still goes through its approval workflow (policy_content.workflow).
TRANSLATION_PAGE_PERMISSIONS = {
    Role.EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    Role.TRANSLATOR: ("change_page", "publish_page"),
}


def ensure_translation_permissions() -> int:
    """Give editors and translators their rights on every translated tree's root. Idempotent; returns roots."""
    page_type = ContentType.objects.get_for_model(Page)
    permissions = {permission.codename: permission for permission in Permission.objects.filter(content_type=page_type)}
    roots = list(Page.objects.filter(depth=2).exclude(locale=Locale.get_default()))
    for role, codenames in TRANSLATION_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for root in roots:
            for codename in codenames:
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
