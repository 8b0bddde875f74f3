"""scim2-tester's summary at the end of a run, wherever the conformance test ran (an xdist worker too)."""

SUMMARY_PROPERTY = "scim2_tester_summary"


def pytest_terminal_summary(terminalreporter):
    # Each phase's report (setup, call, teardown) carries the test's properties: one summary per test.
    summaries = dict.fromkeys(
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        for key, value in getattr(report, "user_properties", ())
        if key == SUMMARY_PROPERTY
    )
    for summary in summaries:
        terminalreporter.write_sep("-", "scim2-tester")
        terminalreporter.write_line(summary)
