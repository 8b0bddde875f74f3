"""What changed between two versions of a policy, section by section, in words a reader follows."""

import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Revision

from .blocks import anchor_for
from .models import PolicyPage, PolicyVersion

__all__ = [
    "LineChange",
    "ReaderChanges",
    "SectionChange",
    "changes_for_reader",
    "compare_pages",
    "compare_sections",
    "compare_versions",
    "page_from_revision",
    "section_texts",
]

_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class LineChange:
    """One line of a changed section: added, removed, or changed (with word-level pieces)."""

    kind: str  # "added" | "removed" | "changed", or "same" when unchanged lines are kept
    text: str
    pieces: tuple[tuple[str, str], ...] = ()  # ("same" | "added" | "removed", text) for "changed"

    @property
    def old_pieces(self) -> tuple[tuple[str, str], ...]:
        """What the line said before: for a side-by-side view's left column."""
        if self.kind == "changed":
            return tuple(piece for piece in self.pieces if piece[0] != "added")
        return () if self.kind == "added" else ((self.kind, self.text),)

    @property
    def new_pieces(self) -> tuple[tuple[str, str], ...]:
        """What the line says now: for a side-by-side view's right column."""
        if self.kind == "changed":
            return tuple(piece for piece in self.pieces if piece[0] != "removed")
        return () if self.kind == "removed" else ((self.kind, self.text),)


@dataclass(frozen=True)
class SectionChange:
    anchor: str
    heading: str
    state: str  # "added" | "removed" | "changed", or "unchanged" when unchanged sections are kept
    old_heading: str = ""
    lines: list[LineChange] = field(default_factory=list)

    @property
    def renamed(self) -> bool:
        return bool(self.old_heading) and self.old_heading != self.heading


def section_texts(page: PolicyPage) -> list[tuple[str, str, list[str]]]:
    """(anchor, heading, readable lines) for every section of a page, in order."""
    sections = []
    for child in page.body:
        heading = child.value.get("heading", "")
        anchor = child.value.get("anchor") or anchor_for(heading)
        sections.append((anchor, heading, child.block.text_lines(child.value)))
    return sections


def _word_pieces(old: str, new: str) -> tuple[tuple[str, str], ...]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    pieces = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(new_words[j1:j2])))
    return tuple(pieces)


def _line_changes(old_lines: list[str], new_lines: list[str], *, keep_same: bool = False) -> list[LineChange]:
    changes = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            if keep_same:
                changes += [LineChange("same", line) for line in old_lines[i1:i2]]
            continue
        old_part, new_part = old_lines[i1:i2], new_lines[j1:j2]
        if tag == "replace":
            for old, new in zip(old_part, new_part, strict=False):
                similar = difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= 0.5
                if similar:
                    changes.append(LineChange("changed", new, _word_pieces(old, new)))
                else:
                    changes += [LineChange("removed", old), LineChange("added", new)]
            paired = min(len(old_part), len(new_part))
            old_part, new_part = old_part[paired:], new_part[paired:]
        changes += [LineChange("removed", line) for line in old_part]
        changes += [LineChange("added", line) for line in new_part]
    return changes


Sections = list[tuple[str, str, list[str]]]


def compare_sections(old: Sections, new: Sections, *, keep_unchanged: bool = False) -> list[SectionChange]:
    """The sections that differ, matched by anchor: changed and added in the new order, then removed ones.

    With `keep_unchanged`, every section and line is kept (unchanged ones as "unchanged" and "same"),
    so the whole text can be shown with its changes in place.
    """
    old_sections = {anchor: (heading, lines) for anchor, heading, lines in old}
    result = []
    seen = set()
    for anchor, heading, lines in new:
        seen.add(anchor)
        if anchor not in old_sections:
            result.append(SectionChange(anchor, heading, "added", lines=[LineChange("added", line) for line in lines]))
            continue
        old_heading, old_lines = old_sections[anchor]
        line_changes = _line_changes(old_lines, lines, keep_same=keep_unchanged)
        if old_heading != heading or any(line.kind != "same" for line in line_changes):
            result.append(SectionChange(anchor, heading, "changed", old_heading=old_heading, lines=line_changes))
        elif keep_unchanged:
            result.append(SectionChange(anchor, heading, "unchanged", old_heading=old_heading, lines=line_changes))
    for anchor, (heading, lines) in old_sections.items():
        if anchor not in seen:
            result.append(
                SectionChange(anchor, heading, "removed", lines=[LineChange("removed", line) for line in lines])
            )
    return result


def compare_pages(old_page: PolicyPage, new_page: PolicyPage) -> list[SectionChange]:
    """The sections that differ between two pages' texts (see `compare_sections`)."""
    return compare_sections(section_texts(old_page), section_texts(new_page))


def page_from_revision(revision: Revision) -> PolicyPage:
    """Just enough of a revision's page to read its text, without loading the page tree."""
    return PolicyPage(title=revision.content.get("title", ""), body=revision.content.get("body") or "[]")


def compare_versions(*, old: PolicyVersion, new: PolicyVersion) -> list[SectionChange] | None:
    """Section changes from `old` to `new`; None when either version's text is no longer stored."""
    if old.revision_id is None or new.revision_id is None:
        return None
    revisions = Revision.objects.only("pk", "content").in_bulk([old.revision_id, new.revision_id])
    if old.revision_id not in revisions or new.revision_id not in revisions:
        return None
    return compare_pages(page_from_revision(revisions[old.revision_id]), page_from_revision(revisions[new.revision_id]))


@dataclass(frozen=True)
class ReaderChanges:
    """What changed, and the language its text is in (a translation may lack its text of the old version)."""

    sections: list[SectionChange]
    language: str


def _translation_of_version(page: PolicyPage, number: int) -> PolicyPage | None:
    """The translation's latest stored text of version `number`, if it was ever translated from it."""
    revision = (
        Revision.page_revisions.filter(object_id=str(page.pk), content__renders_version=number)
        .only("pk", "content")
        .order_by("-created_at", "-pk")
        .first()
    )
    return page_from_revision(revision) if revision else None


def changes_for_reader(*, page: PolicyPage, old: PolicyVersion, new: PolicyVersion) -> ReaderChanges | None:
    """The changes from `old` to `new` in the language of `page` when it has both texts, else as written."""
    source = page.source_page
    if page.pk != source.pk and page.renders_version == new.number:
        translated_old = _translation_of_version(page, old.number)
        if translated_old is not None:
            return ReaderChanges(compare_pages(translated_old, page), page.locale.language_code)
    sections = compare_versions(old=old, new=new)
    if sections is None:
        return None
    return ReaderChanges(sections, get_supported_content_language_variant(settings.LANGUAGE_CODE))
