"""verify_evidence finds rows altered, removed or added behind the application's back (raw SQL)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from policy_content.evidence_verify import verify_evidence
from policy_content.models import Acknowledgement, EvidenceRecord, FrozenText
from tests.policy_content.factories import PolicyPageFactory, sign
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db

# Every column of an acknowledgement but its id and person.
COPIED = (
    "version_id, acknowledged_at, language, statement, typed_name, ip_address, user_agent, account_name, text_sha256,"
    " evidence_format, method, authentication_method, authenticated_at, remark, scan, scan_sha256"
)


@pytest.fixture
def signed():
    """A policy, its frozen text and three chained acknowledgements."""
    version = PolicyPageFactory().current_version
    return [sign(person, version) for person in UserFactory.create_batch(3)]


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def failure(capsys=None) -> str:
    with pytest.raises(CommandError) as error:
        call_command("verify_evidence")
    return str(error.value)


def record_of(kind, pk):
    return EvidenceRecord.objects.get(kind=kind, object_id=str(pk))


def test_untouched_evidence_verifies(signed, capsys):
    call_command("verify_evidence")

    output = capsys.readouterr().out
    assert "Evidence intact: 4 records, head #4" in output


def test_an_acknowledgement_edited_in_the_database_is_named(signed):
    ack = signed[1]
    sql("UPDATE policy_content_acknowledgement SET typed_name = 'Someone Else' WHERE id = %s", [ack.pk])

    message = failure()

    record = record_of("acknowledgement", ack.pk)
    assert f"Record #{record.sequence} (acknowledgement {ack.pk})" in message
    assert "was altered" in message


def test_a_deleted_acknowledgement_is_named(signed):
    ack = signed[0]
    sql("DELETE FROM policy_content_acknowledgement WHERE id = %s", [ack.pk])

    message = failure()

    assert f"(acknowledgement {ack.pk})" in message and "was removed" in message


def test_an_acknowledgement_inserted_outside_the_application_is_named(signed):
    other = UserFactory()
    ack = signed[0]
    sql(
        f"INSERT INTO policy_content_acknowledgement (user_id, {COPIED}) SELECT %s, {COPIED}"
        " FROM policy_content_acknowledgement WHERE id = %s",
        [other.pk, ack.pk],
    )
    inserted = Acknowledgement.objects.get(user=other)

    message = failure()

    assert f"acknowledgement {inserted.pk}" in message and "not in the chain" in message


def test_a_frozen_text_edited_in_the_database_is_named(signed):
    text = FrozenText.objects.get()
    sql("UPDATE policy_content_frozentext SET body_html = 'Nothing to see' WHERE id = %s", [text.pk])

    message = failure()

    assert f"(policy_text {text.pk})" in message and "was altered" in message


def test_a_chain_record_edited_in_the_database_is_named(signed):
    record = record_of("acknowledgement", signed[2].pk)
    sql("UPDATE policy_content_evidencerecord SET recorded_at = '2020-01-01 00:00:00' WHERE id = %s", [record.pk])

    message = failure()

    assert f"Record #{record.sequence}" in message and "chain record was altered" in message


def test_a_chain_record_removed_from_the_middle_is_named(signed):
    record = record_of("acknowledgement", signed[0].pk)
    sql("DELETE FROM policy_content_evidencerecord WHERE id = %s", [record.pk])

    message = failure()

    assert f"expected record #{record.sequence} here" in message


def test_the_last_record_removed_with_its_acknowledgement_is_noticed(signed):
    ack = signed[2]
    sql("DELETE FROM policy_content_evidencerecord WHERE object_id = %s AND kind = 'acknowledgement'", [str(ack.pk)])
    sql("DELETE FROM policy_content_acknowledgement WHERE id = %s", [ack.pk])

    message = failure()

    assert "the chain ends at record #3 but its head says #4" in message


def test_a_recorded_text_hash_changed_in_the_database_is_noticed(signed):
    ack = signed[0]
    sql("UPDATE policy_content_acknowledgement SET text_sha256 = %s WHERE id = %s", ["0" * 64, ack.pk])

    verification = verify_evidence()

    assert not verification.intact
    messages = [str(problem) for problem in verification.problems]
    assert any(f"acknowledgement {ack.pk}" in message and "was altered" in message for message in messages)
    assert any("the text hash it records is not that of its text" in message for message in messages)
