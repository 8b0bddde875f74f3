from html.parser import HTMLParser

import pytest

from policy_content.blocks import PolicyBodyBlock
from policy_content.rendering import html_to_lines, render_markdown


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    parser = _Elements()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize(
    "source",
    [
        "Hello <script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "<javascript:alert(1)>",
        '<img src="x" onerror="alert(1)">',
        '<a href="https://example.com" onclick="steal()">x</a>',
        '<p onmouseover="x()">hi</p>',
        '<div style="position:fixed">overlay</div>',
        "<iframe src='https://evil.example'></iframe>",
        "![pic](data:image/svg+xml;base64,PHN2Zz4=)",
        '[x](https://example.com "t" onclick="y")',
    ],
)
def test_dangerous_markup_never_reaches_the_page(source):
    found = elements(render_markdown(source))
    tags = {tag for tag, _attrs in found}
    assert not tags & {"script", "img", "iframe", "div", "style"}
    for _tag, attrs in found:
        assert not [name for name in attrs if name.startswith("on") or name == "style"]
        assert not (attrs.get("href") or "").lower().startswith(("javascript", "data"))


def test_raw_html_is_shown_as_text_not_interpreted():
    html = render_markdown("Use <b>bold</b> here")
    assert "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_markdown_features_editors_need_still_work():
    html = render_markdown("**Bold** and *it*\n\n- one\n- two\n\n[site](https://example.com)")
    assert "<strong>Bold</strong>" in html
    assert "<em>it</em>" in html
    assert "<li>one</li>" in html
    assert 'href="https://example.com"' in html
    assert 'rel="noopener noreferrer"' in html


def test_markdown_block_renders_sanitised_html():
    block = PolicyBodyBlock()
    value = block.to_python(
        [{"type": "section", "value": {"heading": "H", "anchor": "h", "body": "<script>x()</script>**ok**"}}]
    )
    html = str(block.render(value))
    assert "<script" not in html
    assert "<strong>ok</strong>" in html
    assert 'id="h"' in html


def test_rendered_text_is_split_into_readable_lines():
    lines = html_to_lines(render_markdown("First para.\n\n- item *one*\n- item two"))
    assert lines == ["First para.", "• item one", "• item two"]


def test_one_document_s_link_references_never_reach_the_next():
    assert "example.com" in render_markdown("[docs][ref]\n\n[ref]: https://example.com")

    html = render_markdown("[docs][ref]")

    assert "example.com" not in html
    assert "<a" not in html
