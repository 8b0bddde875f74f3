"""Readers open the exact text of every version they acknowledged, in the language they read it."""

import re

import pytest

from policy_content.models import Acknowledgement
from tests.policy_content.factories import PolicyPageFactory
from tests.training.factories import TeamFactory, UserFactory
from tests.translation_helpers import translate

from .policy_helpers import publish_change
from .test_frozen_texts import sign

pytestmark = pytest.mark.django_db


def test_a_reader_opens_each_version_they_signed_in_their_language(client, django_capture_on_commit_callbacks):
    policy = PolicyPageFactory(title="Complaints policy", required=True)
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(policy, "es")
    reader = UserFactory(preferred_language="es", team=TeamFactory(name="Contact centre"))
    sign(client, reader, spanish)
    policy = publish_change(policy, new_version=True, summary="Two days.")
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(policy, "es")
    sign(client, reader, spanish)

    mine = client.get("/es/evidence/").content.decode()

    links = re.findall(r'href="(/es/evidence/texts/[0-9a-f]{64}/)"', mine)
    acks = {ack.version.number: ack for ack in Acknowledgement.objects.filter(user=reader).select_related("version")}
    assert sorted(links) == sorted(f"/es/evidence/texts/{ack.text_sha256}/" for ack in acks.values())
    for number, days, other in ((1, "five", "two"), (2, "two", "five")):
        text = acks[number].text
        assert (text.language, text.version.number) == ("es", number)
        html = client.get(f"/es/evidence/texts/{text.sha256}/").content.decode()
        assert f"within {days} working days" in html and f"within {other} working days" not in html
        assert "[es] Complaints" in html and f"El texto de la versión {number}" in html and text.sha256 in html
