"""Confirming one people import several times at once imports it once, on SQLite files and PostgreSQL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import ModelLogEntry

from training.models import User

from .threads import at_once, needs_separate_connections

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_confirmations_of_one_import_at_once_import_it_once(superuser):
    needs_separate_connections()
    client = Client()
    client.force_login(superuser)
    text = "email,name,team\n" + "".join(f"p{n}@imported.example,Person {n},Team {n % 3}\n" for n in range(50))
    preview = client.post("/admin/people/import/", {"file": SimpleUploadedFile("people.csv", text.encode())})[
        "Location"
    ]
    fingerprint = client.get(preview).context["plan"].fingerprint

    def confirm(_):
        browser = Client()
        browser.force_login(superuser)
        return browser.post(preview, {"fingerprint": fingerprint}).status_code

    assert at_once(4, confirm) == [302] * 4
    assert User.objects.filter(email__endswith="@imported.example").count() == 50
    assert ModelLogEntry.objects.filter(action="training.import_people").count() == 1
