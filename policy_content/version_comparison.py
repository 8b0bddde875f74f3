"""Any two versions of a policy compared in one language, from their frozen texts (not Wagtail's revisions).

A frozen text never changes, so the comparison of two of them is computed once and kept in the shared
cache under their SHA-256s; a correction adds an edition, hence a new key. Versions are compared in the
order asked for: the first is the text before, the second the text after, whichever is newer.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from .cached_rendering import CACHE_SECONDS
from .comparison import SectionChange, compare_sections
from .localized import default_language_code
from .models import FrozenText, PolicyPage, PolicyVersion
from .rendering import html_to_sections

__all__ = [
    "ComparisonRefused",
    "SUMMARY_ANCHOR",
    "Selection",
    "compare_texts",
    "may_compare_any",
    "policies_to_compare",
    "select_versions",
]

SUMMARY_ANCHOR = "@summary"  # never a section's anchor: those are slugs


class ComparisonRefused(Exception):
    """The versions asked for cannot be compared: a message for the person, and the HTTP status.

    400 even for a version that does not exist: the admin's URLs have no language prefix, so Django's
    LocaleMiddleware would turn a 404 into a redirect to a page that does not exist, and the message be lost.
    """

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Selection:
    """A policy, its versions, and the two texts chosen (None when the policy has one version only)."""

    policy: PolicyPage
    versions: list[PolicyVersion]
    language: str
    old: FrozenText | None = None
    new: FrozenText | None = None


def _sees_every_frozen_text(user) -> bool:
    return user.is_active and user.has_perm("policy_content.view_frozentext")


def policies_to_compare(user) -> QuerySet[PolicyPage]:
    """The policies whose versions `user` may compare: Compliance every one, editors those they may edit.

    The same people who may read a policy's history in the admin (Wagtail asks for edit permission),
    and Compliance, who reads every frozen text.
    """
    policies = PolicyPage.objects.filter(pk__in=PolicyVersion.objects.values("policy_id"))
    if _sees_every_frozen_text(user):
        return policies
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return policies.filter(pk__in=editable.values("pk"))


def may_compare_any(user) -> bool:
    return user.is_active and (_sees_every_frozen_text(user) or policies_to_compare(user).exists())


def _number(value: str, *, second: bool) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        message = (
            _("The second version must be a whole number of 1 or more, not “%(value)s”.")
            if second
            else _("The first version must be a whole number of 1 or more, not “%(value)s”.")
        )
        raise ComparisonRefused(message % {"value": value}, status=400)
    return number


def _latest_texts(versions: list[PolicyVersion]) -> dict[tuple[int, str], FrozenText]:
    """The latest edition of each chosen version's text per language, without the texts themselves."""
    texts = (
        FrozenText.objects.filter(version__in=versions)
        .defer("body_html", "body_text", "statement", "summary")
        .order_by("version_id", "language", "edition")
    )
    return {(text.version_id, text.language): text for text in texts}


def _language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"])


def _language(wanted: str, available: list[str], *, preferred: str) -> str:
    if wanted:
        return wanted
    for candidate in (preferred, default_language_code()):
        if candidate in available:
            return candidate
    return available[0] if available else default_language_code()


def select_versions(
    *, policy: PolicyPage, old: str = "", new: str = "", language: str = "", preferred_language: str = ""
) -> Selection:
    """The two texts to compare, from what the person asked for (numbers and language as typed).

    Defaults: the version before the current one, the current one, and the person's language when both
    versions were shown in it. Raises ComparisonRefused with a message and a status when it cannot be done.
    """
    languages = dict(settings.LANGUAGES)
    if language and language not in languages:
        raise ComparisonRefused(_("“%(code)s” is not a language of this site.") % {"code": language}, status=400)
    versions = list(policy.versions.order_by("-number"))
    old_number = _number(old, second=False)
    new_number = _number(new, second=True)
    by_number = {version.number: version for version in versions}
    if new_number is None:
        new_number = versions[0].number if versions else None
    if old_number is None:
        earlier = [number for number in by_number if new_number is not None and number < new_number]
        old_number = max(earlier) if earlier else None
    if old_number is None or new_number is None:
        if old or new:
            raise ComparisonRefused(_("This policy has only one version: there is nothing to compare."), status=400)
        return Selection(policy, versions, language or preferred_language)
    for number in (old_number, new_number):
        if number not in by_number:
            raise ComparisonRefused(
                _("Version %(number)s of “%(policy)s” does not exist. Its versions are 1 to %(last)s.")
                % {"number": number, "policy": policy.title, "last": versions[0].number if versions else 0},
                status=400,
            )
    if old_number == new_number:
        raise ComparisonRefused(_("Choose two different versions to compare."), status=400)
    chosen = (by_number[old_number], by_number[new_number])
    texts = _latest_texts(list(chosen))
    both = [code for code in languages if all((version.pk, code) in texts for version in chosen)]
    language = _language(language, both, preferred=preferred_language)
    missing = [version.number for version in chosen if (version.pk, language) not in texts]
    if missing:
        message = _("Version %(number)s was never published in %(language)s, so there is no text of it to compare.")
        message %= {"number": missing[0], "language": _language_name(language)}
        if both:
            message += " " + _("Both versions can be compared in: %(languages)s.") % {
                "languages": ", ".join(_language_name(code) for code in both)
            }
        raise ComparisonRefused(message, status=400)
    old_text, new_text = (texts[(version.pk, language)] for version in chosen)
    old_text.version, new_text.version = chosen
    return Selection(policy, versions, language, old_text, new_text)


def _sections(text: FrozenText) -> list[tuple[str, str, list[str]]]:
    summary = [(SUMMARY_ANCHOR, "", [" ".join(text.summary.split())])] if text.summary.strip() else []
    return summary + html_to_sections(text.body_html)


def compare_texts(old: FrozenText, new: FrozenText) -> list[SectionChange]:
    """Every section of two frozen texts, with what changed marked line by line and word by word.

    The summary comes first, as a section with no heading anchored "@summary". Kept in the shared cache.
    """
    key = f"policy-compare:{old.language}:{old.sha256}:{new.sha256}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    bodies = FrozenText.objects.filter(pk__in=[old.pk, new.pk]).only("pk", "summary", "body_html").in_bulk()
    sections = compare_sections(_sections(bodies[old.pk]), _sections(bodies[new.pk]), keep_unchanged=True)
    cache.set(key, sections, CACHE_SECONDS)
    return sections
