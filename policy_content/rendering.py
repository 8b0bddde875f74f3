"""Markdown to safe HTML, and rendered policy text to plain lines (for comparisons)."""

import threading
from html.parser import HTMLParser

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

__all__ = ["html_to_lines", "render_markdown"]

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
