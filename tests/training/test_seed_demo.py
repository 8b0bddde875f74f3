"""manage.py seed_demo: a person of each role and a few new hires; running it again changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision

from policy_content.models import PolicyPage
from training.choices import Role
from training.demo import seed as demo
from training.models import Team, TranslationTask, User


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    return out.getvalue()


def state() -> dict:
    """What the demo writes, down to the password hashes, to prove a second run changes nothing."""
    return {
        "users": sorted(User.objects.values_list("email", "password", "name", "team__name", "start_date")),
        "teams": sorted(Team.objects.values_list("name", flat=True)),
        "managers": sorted(Team.managers.through.objects.values_list("team__name", "user__email")),
        "roles": sorted(User.groups.through.objects.values_list("user__email", "group__name")),
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing_the_second_time(settings):
    settings.DEBUG = False
    seed()
    first = state()

    out = seed()

    assert state() == first
    assert f"0 created, {len(demo.DEMO_PEOPLE)} already there" in out


@pytest.mark.django_db
def test_seed_demo_makes_a_person_of_each_role_and_new_hires(settings):
    settings.DEBUG = False

    out = seed()

    assert f"{len(demo.DEMO_PEOPLE)} created, 0 already there" in out
    for role in Role.values:
        assert User.objects.filter(groups__name=role).exists(), role
    assert User.objects.filter(is_superuser=True).exists()
    assert {"Front desk", "Contact centre"} <= set(Team.objects.values_list("name", flat=True))
    for team in Team.objects.filter(name__in=["Front desk", "Contact centre"]):
        assert team.managers.filter(groups__name=Role.MANAGER).exists(), team
        assert team.members.exists(), team
    new_hires = [spec for spec in demo.DEMO_PEOPLE if spec.days_since_start <= 30]
    assert len(new_hires) >= 2
    assert {person.preferred_language for person in User.objects.all()} == {"en", "es", "pt", "el"}
    translators = User.objects.filter(groups__name=Role.TRANSLATOR).order_by("email")
    assert [(person.email, person.translation_languages) for person in translators] == [
        ("translator.el@example.com", ["el"]),
        ("translator.es@example.com", ["es"]),
        ("translator.pt@example.com", ["pt"]),
    ]
    assert Team.objects.get(name="Front desk").name_in("es") == "Recepción"
    assert not TranslationTask.objects.open().exists(), "the demo translates every version it publishes"
    assert TranslationTask.objects.filter(done_at__isnull=False).count() == 6  # 2 versions x 3 languages


@pytest.mark.django_db
def test_demo_passwords_are_printed_only_with_debug_on(settings):
    settings.DEBUG = False
    quiet = seed()
    assert demo.DEMO_PASSWORD not in quiet
    assert "editor@example.com" not in quiet

    settings.DEBUG = True
    loud = seed()
    assert demo.DEMO_PASSWORD in loud
    for spec in demo.DEMO_PEOPLE:
        assert spec.email in loud


@pytest.mark.django_db
def test_seed_demo_leaves_a_changed_demo_person_alone(settings):
    settings.DEBUG = False
    seed()
    person = User.objects.get(email="james@example.com")
    person.set_password("chosen-by-james")
    person.job_title = "Senior agent"
    person.save()

    seed()

    person.refresh_from_db()
    assert person.check_password("chosen-by-james")
    assert person.job_title == "Senior agent"


@pytest.mark.django_db
def test_seed_demo_command_loads_the_policy():
    call_command("seed_demo")
    call_command("seed_demo")
    policy = PolicyPage.objects.get(locale__language_code="en")
    assert policy.versions.count() == 2
    assert PolicyPage.objects.filter(translation_key=policy.translation_key).count() == 4
