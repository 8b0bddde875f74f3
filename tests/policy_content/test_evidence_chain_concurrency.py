"""Many people signing at once: one chain, no fork, no gap, no duplicate (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, connections

from policy_content.acknowledgements import record_acknowledgement
from policy_content.evidence_verify import verify_evidence
from policy_content.models import EvidenceRecord, FrozenText
from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import UserFactory

SIGNERS = 12


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_acknowledgements_extend_the_chain_one_at_a_time():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are what this checks; SQLite allows one writer at a time anyway.")
    policy = PolicyPageFactory()
    version, text = policy.current_version, FrozenText.objects.get()
    people = UserFactory.create_batch(SIGNERS)
    start = threading.Barrier(SIGNERS)
    errors = []

    def sign(person):
        try:
            start.wait(timeout=30)
            record_acknowledgement(
                user=person,
                version=version,
                statement="I confirm.",
                typed_name=person.name,
                language="en",
                ip_address=None,
                user_agent="thread",
                text=text,
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    sequences = list(EvidenceRecord.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, SIGNERS + 2))  # the frozen text, then one record per signer
    assert EvidenceRecord.objects.filter(kind="acknowledgement").count() == SIGNERS
    assert verify_evidence().intact
