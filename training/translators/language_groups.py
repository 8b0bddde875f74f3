"""One group per language carries translators' page rights, so Wagtail itself keeps them to their languages.

Every admin view that touches a page (the editor, wagtail-localize's string and
override API, publishing, the explorer) asks Wagtail's page permissions, and
those come from groups. A translator of Spanish sits in "Translators (es)",
which has rights on the Spanish tree only; membership follows the person's role
and translation languages, whichever way they change.
"""

from __future__ import annotations

from django.contrib.auth.models import Group

from ..choices import Role

__all__ = ["group_name", "is_language_group", "sync_language_groups"]

PREFIX = f"{Role.TRANSLATOR.value} ("


def group_name(language: str) -> str:
    return f"{PREFIX}{language})"


def is_language_group(name: str) -> bool:
    return name.startswith(PREFIX)


def wanted_groups(roles: set[str], languages: list[str] | None) -> set[str]:
    """The language groups of a person with these roles and translation languages."""
    if Role.TRANSLATOR.value not in roles:
        return set()
    return {group_name(language) for language in languages or []}


def sync_language_groups(user) -> None:
    """Put `user` in the language groups their role and languages call for, and in no other."""
    if user.pk is None:
        return
    names = set(user.groups.values_list("name", flat=True))
    wanted = wanted_groups(names, user.translation_languages)
    current = {name for name in names if is_language_group(name)}
    if wanted - current:
        user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in sorted(wanted - current)))
    if current - wanted:
        user.groups.remove(*Group.objects.filter(name__in=current - wanted))
