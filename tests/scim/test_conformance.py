"""scim2-tester, a real SCIM client, run over HTTP against the endpoint served by a live server."""

from collections import Counter

import pytest
from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

from tests.conformance_summary import SUMMARY_PROPERTY
from training.models import ScimClient
from training.scim.tokens import issue_token

# A check that fails a MUST of the RFCs, or a security one; SHOULD-level deviations are reported, not failed.
FAILING = {Status.ERROR, Status.CRITICAL}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_scim2_tester_finds_no_conformance_failure_in_what_the_service_provider_config_claims(
    live_server, record_property
):
    client = ScimClient(name="scim2-tester")
    token = issue_token(client)
    client.save()
    http = Client(base_url=f"{live_server.url}/scim/v2", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    results = check_server(SyncSCIMClient(http), raise_exceptions=False)
    counts = Counter(result.status.name for result in results)
    skipped = sorted({f"{result.title}: {result.reason}" for result in results if result.status == Status.SKIPPED})
    summary = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
    summary += "".join(f"\n  skipped {reason}" for reason in skipped)
    record_property(SUMMARY_PROPERTY, summary)
    failures = [
        f"{result.resource_type or '-'} {result.title}: {result.reason}"
        for result in results
        if result.status in FAILING
    ]
    assert not failures, "\n".join(failures)
    # Users and Groups were both created, read, searched, replaced, patched and deleted.
    checked = {result.resource_type for result in results if result.status == Status.SUCCESS}
    assert {"User", "Group"} <= checked
    assert counts["SUCCESS"] >= 60, summary
