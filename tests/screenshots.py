"""The list of browser screenshots at the end of a run.

A plugin of the root conftest, so the xdist controller (which never loads tests/e2e/conftest.py)
has it too; the paths travel from the workers in each test report's user properties.
"""

SCREENSHOT_PROPERTY = "e2e_screenshot"


def pytest_terminal_summary(terminalreporter):
    paths = {
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        for key, value in getattr(report, "user_properties", ())
        if key == SCREENSHOT_PROPERTY
    }
    if paths:
        terminalreporter.write_sep("-", f"e2e screenshots ({len(paths)})")
        for path in sorted(paths):
            terminalreporter.write_line(path)
