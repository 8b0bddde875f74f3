import pytest
from wagtail.models import Site

from policy_content.demo import DEMO_ACKNOWLEDGEMENTS, POLICY_SLUG, seed_policy
from policy_content.models import Acknowledgement, PolicyIndexPage, PolicyPage
from tests.training.auth_helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_policy(module_db):
    """The demo people, policy and progress, seeded once for the module."""
    from training.demo.seed import seed_people, seed_progress

    with module_db.unblock():
        seed_people()
        policy = seed_policy(Site.objects.get(is_default_site=True).root_page.specific)
        seed_progress(policy=policy, quizzes=[])
        return policy.pk


@pytest.fixture
def demo(db, seeded_policy):
    """The demo policy; what a test writes (a new version, an acknowledgement) is undone when it ends."""
    return PolicyPage.objects.get(pk=seeded_policy)


def test_demo_policy_has_two_versions_with_a_summary_and_real_changes(demo):
    v2, v1 = list(demo.versions.order_by("-number"))
    assert (v1.number, v2.number) == (1, 2)
    assert v2.change_summary
    assert 370 < (v2.published_at - v1.published_at).days < 380
    from policy_content.comparison import compare_versions

    changed = {change.anchor for change in compare_versions(old=v1, new=v2)}
    assert {"service-standards", "complaints", "difficult-customers"} <= changed


def test_demo_acknowledgements_match_the_contract(demo):
    recorded = set(Acknowledgement.objects.values_list("user__email", "version__number"))
    assert recorded == {(email, number) for email, number, _days in DEMO_ACKNOWLEDGEMENTS}


def test_demo_is_idempotent(demo, home_page):
    again = seed_policy(home_page)
    assert again.pk == demo.pk
    assert PolicyPage.objects.count() == 1
    assert PolicyIndexPage.objects.count() == 1
    assert demo.versions.count() == 2
    assert Acknowledgement.objects.count() == len(DEMO_ACKNOWLEDGEMENTS)


def test_demo_library_is_in_the_menu_and_under_the_workflow(demo):
    index = demo.get_parent().specific
    assert index.show_in_menus
    assert index.get_workflow().name == "Policy approval"
    assert demo.slug == POLICY_SLUG


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("ana@example.com", "done"),
        ("james@example.com", "reacknowledge"),
        ("tom@example.com", "todo"),
    ],
)
def test_demo_people_see_their_status(client, demo, email, status):
    from training.models import User

    sign_in(client, User.objects.get(email=email))
    response = client.get(demo.url)
    assert response.status_code == 200
    assert response.context["item"].status == status
    assert client.get(demo.get_parent().url).status_code == 200


def test_editor_publishes_version_three_and_an_employee_acknowledges_it(client, demo):
    """The issue's "done when": an editor's new version is owed, explained and acknowledged."""
    from training.models import User

    editor = User.objects.get(email="editor@example.com")
    compliance = User.objects.get(email="compliance@example.com")
    page = PolicyPage.objects.get(pk=demo.pk)
    body = list(page.body.raw_data)
    body[-1]["value"]["body"] += "\n\nManagers check this policy every six months."
    page.body = body
    page.mark_as_new_version = True
    page.change_summary = "Six-monthly checks."
    page.save_revision(user=editor)
    assert not page.permissions_for_user(editor).can_publish()
    state = page.get_workflow().start(page, editor)
    state.current_task_state.approve(user=compliance)
    page = PolicyPage.objects.get(pk=demo.pk)
    assert page.current_version.number == 3

    ana = User.objects.get(email="ana@example.com")
    sign_in(client, ana)
    html = client.get(page.url).content.decode()
    assert "What changed since you acknowledged version 2" in html
    assert "Managers check this policy every six months." in html

    response = client.post(
        page.url + "acknowledge/", {"version": page.current_version.pk, "typed_name": ana.name, "confirm": "on"}
    )
    assert response.status_code == 302
    assert Acknowledgement.objects.filter(user=ana, version__number=3).exists()
