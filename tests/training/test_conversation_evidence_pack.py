"""Conversation attempts in evidence packs: each with its path of turns, checked offline by the pack's script."""

import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.utils import timezone

from quizzes.conversation_demo import play_path
from quizzes.conversation_taking import start_conversation
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import ConversationPageFactory
from tests.training.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def played(manager, home_page):
    team = TeamFactory(name="Contact centre")
    team.managers.add(manager)
    person = UserFactory(team=team)
    conversation = ConversationPageFactory(policy=PolicyPageFactory())
    attempt = start_conversation(conversation=conversation, user=person, language="en")
    play_path(attempt, ["listening", "escalated"], now=timezone.now())
    attempt.refresh_from_db()
    return attempt


def unpack(response, folder):
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(folder)
    return folder


def verify(folder):
    return subprocess.run([sys.executable, "verify_pack.py"], cwd=folder, capture_output=True, text=True)


def test_a_persons_pack_holds_their_conversation_with_its_path_and_verifies(client, manager, played, tmp_path):
    client.force_login(manager)
    folder = unpack(client.get(f"/admin/training/people/{played.user_id}/evidence.zip"), tmp_path)

    record = json.loads((folder / f"records/conversation_attempt-{played.pk}.json").read_text())
    assert [turn["number"] for turn in record["turns"]] == [1, 2]
    assert record["outcome"] == "escalated"
    (row,) = json.loads((folder / "conversation_attempts.json").read_text())
    assert (row["id"], row["conversation_title"], row["percent"]) == (played.pk, "A late refund", 75)
    checked = verify(folder)
    assert checked.returncode == 0 and "Pack intact" in checked.stdout


def test_a_conversations_path_changed_in_a_pack_fails_its_check(client, compliance, played, tmp_path):
    client.force_login(compliance)
    policy = played.conversation.policy
    folder = unpack(client.get(f"/admin/training/policies/{policy.pk}/evidence.zip"), tmp_path)
    record = folder / f"records/conversation_attempt-{played.pk}.json"
    record.write_bytes(record.read_bytes().replace(b'"outcome":"escalated"', b'"outcome":"resolved"'))

    checked = verify(folder)

    assert checked.returncode == 1 and f"{record.name}: SHA-256 does not match" in checked.stdout
