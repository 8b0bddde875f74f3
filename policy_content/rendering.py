"""Markdown to safe HTML, and rendered policy text to plain lines (for comparisons)."""

import threading
from html.parser import HTMLParser

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

__all__ = ["html_to_lines", "html_to_sections", "render_markdown"]

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope", "align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


class _NoRawHtml(markdown.Extension):
    """Editors write Markdown, not HTML: raw tags are shown as text, never interpreted."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


_parsers = threading.local()


def _parser() -> markdown.Markdown:
    """This thread's Markdown parser: built once (building one costs more than most conversions)."""
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = markdown.Markdown(extensions=[_NoRawHtml(), "tables", "def_list", "sane_lists"], output_format="html")
        _parsers.parser = parser
    return parser


def render_markdown(text: str) -> SafeString:
    """Turn an editor's Markdown into HTML that cannot carry scripts, handlers or foreign tags."""
    parser = _parser()
    try:
        html = parser.convert(text or "")
    finally:
        parser.reset()  # a parser keeps state (footnotes, references) from one document to the next
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # nh3 has just sanitised it


_BLOCK_TAGS = {"p", "li", "dt", "dd", "tr", "h3", "h4", "h5", "h6", "pre", "blockquote", "br", "hr"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []

    def _flush(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "li":
            self.current.append("• ")
        elif tag in ("td", "th") and self.current:
            self.current.append(" | ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)


def html_to_lines(html: str) -> list[str]:
    """The readable text of rendered HTML, one line per paragraph, list item or table row."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._flush()
    return collector.lines


class _SectionCollector(_TextCollector):
    """Lines grouped by the `<section id=…>` and `<h2>` every policy block renders."""

    def __init__(self):
        super().__init__()
        self.loose = self.lines  # text outside any section
        self.sections: list[tuple[str, str, list[str]]] = []
        self.heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self._flush()
            self.sections.append((dict(attrs).get("id") or "", "", []))
            self.lines = self.sections[-1][2]
        elif tag == "h2" and self.sections and not self.sections[-1][1]:
            self._flush()
            self.heading = self.current = []
        elif tag in ("td", "th") and not "".join(self.current).strip():
            self.current = []  # a row's first cell: no separator before it
        else:
            super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "h2" and self.heading is not None:
            anchor, _untitled, lines = self.sections[-1]
            self.sections[-1] = (anchor, " ".join("".join(self.heading).split()), lines)
            self.heading, self.current = None, []
        elif tag == "section":
            self._flush()
            self.lines = self.loose
        else:
            super().handle_endtag(tag)


def html_to_sections(html: str) -> list[tuple[str, str, list[str]]]:
    """(anchor, heading, readable lines) of each section of a policy's rendered body, in order.

    Text outside any section (the blocks render none) is kept as an untitled first section.
    """
    collector = _SectionCollector()
    collector.feed(html)
    collector.close()
    collector._flush()
    loose = [("", "", collector.loose)] if collector.loose else []
    return loose + collector.sections
