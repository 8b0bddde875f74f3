"""Accessibility checks for browser tests: axe-core against WCAG 2.2 AA, layout and keyboard operation."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
MAX_TAB_PRESSES = 60

_axe = Axe()


def axe_violations(page: Page, *, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """axe-core's violations of the WCAG 2.2 AA rules on the page as it is now, of the given impacts."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return [violation for violation in results.response["violations"] if violation["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
    return "\n".join(lines)


def assert_accessible(page: Page, name: str) -> None:
    """Fail on any serious or critical WCAG 2.2 AA violation axe-core finds on the page."""
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}) has accessibility violations:\n{describe_violations(violations)}"


def assert_no_horizontal_scroll(page: Page) -> None:
    """Nothing is wider than the viewport: the reader never scrolls sideways."""
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, (
        f"{page.url} scrolls sideways: content is {scroll_width}px wide in a {client_width}px viewport"
    )


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the target has the focus, as a keyboard user would."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TAB_PRESSES):
        if is_focused(target):
            return
        page.keyboard.press(key)
    assert is_focused(target), f"{target} cannot be reached with {key} on {page.url}"


_FOCUS_JS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        element: element.outerHTML.slice(0, 120),
        name: (element.innerText || element.getAttribute("aria-label") || element.name || "").trim(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        ring: style.boxShadow !== "none",
        onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
}"""


def assert_focus_visible(page: Page) -> None:
    """The focused element shows a focus indicator (an outline or a ring) and is on screen."""
    focus = page.evaluate(_FOCUS_JS)
    assert focus is not None, f"nothing has the focus on {page.url}"
    assert focus["outline"] or focus["ring"], f"no visible focus indicator on {focus['element']}"
    assert focus["onScreen"], f"the focused element is off screen: {focus['element']}"


def tab_through(page: Page) -> list[str]:
    """Tab through every stop of a freshly loaded page once; each must show its focus. Returns their names."""
    seen, names = set(), []
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_JS)
        if focus is None or focus["element"] in seen:
            return names
        assert_focus_visible(page)
        seen.add(focus["element"])
        names.append(focus["name"])
    raise AssertionError(f"more than {MAX_TAB_PRESSES} tab stops on {page.url}: {names}")


def press(page: Page, key: str) -> None:
    """Press Enter, Space (" ") or any other key on whatever has the focus."""
    page.keyboard.press("Space" if key == " " else key)
