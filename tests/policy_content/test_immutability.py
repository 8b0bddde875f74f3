import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from policy_content.models import Acknowledgement, ImmutableRecordError, PolicyVersion
from tests.factories import AcknowledgementFactory, UserFactory

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


@pytest.mark.parametrize("who", ["editor", "compliance", "superuser"])
def test_records_can_be_listed_and_inspected(client, request, ack, who):
    client.force_login(request.getfixturevalue(who))
    for name, obj in (("acknowledgement", ack), ("policyversion", ack.version)):
        assert client.get(reverse(f"wagtailsnippets_policy_content_{name}:list")).status_code == 200
        inspect = client.get(reverse(f"wagtailsnippets_policy_content_{name}:inspect", args=[obj.pk]))
        assert inspect.status_code == 200
    assert ack.typed_name in client.get(reverse("wagtailsnippets_policy_content_acknowledgement:list")).content.decode()


@pytest.mark.parametrize("view", ["add", "edit", "delete"])
def test_nobody_can_add_edit_or_delete_records(client, superuser, ack, view):
    client.force_login(superuser)
    for name, obj in (("acknowledgement", ack), ("policyversion", ack.version)):
        args = [] if view == "add" else [obj.pk]
        url = reverse(f"wagtailsnippets_policy_content_{name}:{view}", args=args)
        assert client.get(url).status_code in (302, 403)
        client.post(url, {"typed_name": "x", "change_summary": "x"})
    assert Acknowledgement.objects.count() == 1
    assert Acknowledgement.objects.get().typed_name == ack.typed_name
    assert PolicyVersion.objects.get().change_summary == ""


def test_employee_cannot_see_records(client, employee, ack):
    client.force_login(employee)
    response = client.get(reverse("wagtailsnippets_policy_content_acknowledgement:list"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "url_name",
    ["wagtailusers_users:delete", "wagtailsnippets_training_user:delete"],
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
    assert "cannot be deleted" in response.content.decode()
    assert Acknowledgement.objects.filter(user=ack.user).exists()
