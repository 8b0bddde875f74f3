"""The demo carries its evidence: frozen texts in every language, the chain, receipts; purging revisions breaks nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from policy_content.models import Acknowledgement, EvidenceRecord, FrozenText
from quizzes.models import QuizAttempt
from training.models import User


@pytest.mark.django_db
def test_the_demo_evidence_survives_purge_revisions_and_verifies(client):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())

    assert {(text.version.number, text.language) for text in FrozenText.objects.select_related("version")} == {
        (number, language) for number in (1, 2) for language in ("en", "es", "pt", "el")
    }
    acks = list(Acknowledgement.objects.select_related("text"))
    assert acks and all(ack.text is not None and ack.text_sha256 == ack.text.sha256 for ack in acks)
    assert all(ack.text.language == ack.language for ack in acks)
    chained = set(EvidenceRecord.objects.filter(kind="acknowledgement").values_list("object_id", flat=True))
    assert chained == {str(ack.pk) for ack in acks}
    attempts = QuizAttempt.objects.submitted()
    assert EvidenceRecord.objects.filter(kind="quiz_attempt").count() == attempts.count() > 0

    revisions = Revision.objects.count()
    call_command("purge_revisions", days=0, stdout=StringIO())
    out = StringIO()
    call_command("verify_evidence", stdout=out)

    assert Revision.objects.count() < revisions
    assert "Evidence intact" in out.getvalue()
    ana = User.objects.get(email="ana@example.com")
    client.force_login(ana)
    receipts = client.get("/pt/evidence/").content.decode()
    ack = Acknowledgement.objects.filter(user=ana).select_related("text").latest("acknowledged_at")
    assert EvidenceRecord.objects.get(kind="acknowledgement", object_id=str(ack.pk)).code in receipts
    text_page = client.get(f"/pt/evidence/texts/{ack.text.sha256}/")
    assert text_page.status_code == 200 and ack.text.title in text_page.content.decode()
