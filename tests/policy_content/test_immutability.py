import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from policy_content.models import Acknowledgement, ImmutableRecordError, PolicyVersion
from tests.policy_content.factories import AcknowledgementFactory
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ack():
    return AcknowledgementFactory()


def test_acknowledgement_refuses_updates_and_deletion(ack):
    ack.typed_name = "Changed"
    with pytest.raises(ImmutableRecordError):
        ack.save()
    with pytest.raises(ImmutableRecordError):
        ack.delete()
    with pytest.raises(ImmutableRecordError):
        Acknowledgement.objects.filter(pk=ack.pk).update(typed_name="Changed")
    with pytest.raises(ImmutableRecordError):
        Acknowledgement.objects.all().delete()
    assert Acknowledgement.objects.get(pk=ack.pk).typed_name == ack.user.get_full_name()


def test_version_refuses_updates_and_deletion(ack):
    version = ack.version
    version.change_summary = "Rewritten history"
    with pytest.raises(ImmutableRecordError):
        version.save()
    with pytest.raises(ImmutableRecordError):
        version.delete()
    with pytest.raises(ImmutableRecordError):
        PolicyVersion.objects.filter(pk=version.pk).update(number=7)
    assert PolicyVersion.objects.get(pk=version.pk).change_summary == ""


def test_person_with_acknowledgements_cannot_be_deleted(ack):
    with pytest.raises(ProtectedError):
        ack.user.delete()


def test_policy_with_versions_cannot_be_deleted(ack):
    with pytest.raises(ProtectedError):
        ack.version.policy.delete()


RECORDS = {"acknowledgement": "acknowledgements", "policyversion": "policy_versions"}


@pytest.mark.parametrize("who", ["compliance", "superuser"])
def test_records_can_be_listed_and_inspected(client, request, ack, who):
    client.force_login(request.getfixturevalue(who))
    for name, obj in (("acknowledgement", ack), ("policyversion", ack.version)):
        assert client.get(reverse(f"{RECORDS[name]}:index")).status_code == 200
        inspect = client.get(reverse(f"{RECORDS[name]}:inspect", args=[obj.pk]))
        assert inspect.status_code == 200
    assert ack.typed_name in client.get(reverse("acknowledgements:index")).content.decode()


def test_an_editor_sees_versions_but_no_acknowledgements_of_people_outside_their_scope(client, editor, ack):
    client.force_login(editor)

    assert client.get(reverse("policy_versions:inspect", args=[ack.version.pk])).status_code == 200
    listing = client.get(reverse("acknowledgements:index"))
    assert ack.typed_name not in listing.content.decode()
    assert client.get(reverse("acknowledgements:inspect", args=[ack.pk])).status_code in (302, 403, 404)


@pytest.mark.parametrize("view", ["add", "edit", "delete"])
def test_nobody_can_add_edit_or_delete_records(client, superuser, ack, view):
    client.force_login(superuser)
    for name, obj in (("acknowledgement", ack), ("policyversion", ack.version)):
        args = [] if view == "add" else [obj.pk]
        url = reverse(f"{RECORDS[name]}:{view}", args=args)
        assert client.get(url).status_code in (302, 403)
        client.post(url, {"typed_name": "x", "change_summary": "x"})
    assert Acknowledgement.objects.count() == 1
    assert Acknowledgement.objects.get().typed_name == ack.typed_name
    assert PolicyVersion.objects.get().change_summary == ""


def test_employee_cannot_see_records(client, employee, ack):
    client.force_login(employee)
    response = client.get(reverse("acknowledgements:index"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "url_name",
    ["wagtailusers_users:delete", "people:delete"],
)
def test_admin_deleting_a_signer_shows_a_message_not_an_error(client, superuser, ack, url_name):
    client.force_login(superuser)
    url = reverse(url_name, args=[ack.user.pk])

    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert response.status_code == 200
        assert "cannot be deleted" in response.content.decode()
    assert Acknowledgement.objects.filter(user=ack.user).exists()


def test_admin_can_still_delete_a_person_without_acknowledgements(client, superuser):
    person = UserFactory()
    client.force_login(superuser)
    client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert not type(person).objects.filter(pk=person.pk).exists()


def test_bulk_delete_of_signers_is_refused(client, superuser, ack):
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=["training", "user", "delete"]) + f"?id={ack.user.pk}"
    response = client.post(url, {}, follow=True)
    assert response.status_code == 200
    # Wagtail's reference index sees the protected evidence first and refuses with its own message.
    refusals = [str(message) for message in response.context["messages"]]
    assert any("cannot be deleted" in text or "do not have permission" in text for text in refusals)
    assert type(ack.user).objects.filter(pk=ack.user.pk).exists()
    assert Acknowledgement.objects.filter(user=ack.user).exists()
