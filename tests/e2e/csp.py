"""Watching a browser page for Content-Security-Policy violations and script errors."""

from dataclasses import dataclass, field

from playwright.sync_api import Error, Page

# Registered before any page script runs, so every violation of every document is kept.
_LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@dataclass
class PageWatch:
    """What went wrong on the pages one browser page visited: CSP reports from the console and the DOM, errors."""

    page: Page
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def collect(self) -> None:
        """Keep the violations of the current document and its frames (call before leaving it)."""
        for frame in self.page.frames:
            try:
                found = frame.evaluate("window.__cspViolations || []")
            except Error:
                if not frame.is_detached():
                    raise
                continue  # a frame the page removed while we read (a preview reloading): its document is gone
            self.violations += [f"{frame.url}: {violation}" for violation in found]

    def assert_clean(self) -> None:
        self.collect()
        assert self.violations == [], "CSP violations:\n" + "\n".join(self.violations)
        assert self.console == [], "CSP reports in the console:\n" + "\n".join(self.console)
        assert self.errors == [], "script errors:\n" + "\n".join(self.errors)


def watch(page: Page) -> PageWatch:
    watched = PageWatch(page)
    page.add_init_script(_LISTEN)
    page.on(
        "console",
        lambda message: (
            watched.console.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: watched.errors.append(f"{page.url}: {error}"))
    return watched
