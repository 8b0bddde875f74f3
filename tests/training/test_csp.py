"""Every page carries a Content-Security-Policy, and every inline script it serves carries its nonce."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.training.factories import RequirementFactory, TeamFactory

HEADER = "Content-Security-Policy"


def directives(response) -> dict[str, list[str]]:
    policy = response[HEADER]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inline: list[dict] = []
        self.handlers: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [(tag, name) for name in attributes if name.startswith("on")]
        if tag == "script" and "src" not in attributes and "json" not in (attributes.get("type") or ""):
            self.inline.append(attributes)


def assert_every_inline_script_has_the_nonce(response) -> None:
    nonces = re.findall(r"'nonce-([^']+)'", response[HEADER])
    scripts = _Scripts()
    scripts.feed(response.content.decode())
    assert scripts.handlers == [], "inline event handlers cannot run under the policy"
    for attributes in scripts.inline:
        assert attributes.get("nonce") in nonces, f"an inline script without the response's nonce: {attributes}"


@pytest.fixture
def policy(db):
    return PolicyPageFactory(title="Complaints policy", slug="complaints-policy")


def test_the_policy_allows_scripts_and_styles_only_from_this_site_or_with_a_nonce(client, home_page):
    response = client.get("/en/")

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"], "no nonce is offered to a page that uses none"
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/accounts/login/", "/en/accounts/password/reset/", "/es/accounts/login/", "/healthz"],
)
def test_front_end_and_sign_in_pages_carry_the_policy(client, home_page, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "'unsafe-inline'" not in directives(response)["script-src"]
    assert_every_inline_script_has_the_nonce(response)


def test_signed_in_front_end_pages_carry_the_policy_and_no_style_attribute(client, employee, policy):
    RequirementFactory(page=policy)
    employee.team = TeamFactory()
    employee.save()
    client.force_login(employee)

    for url in ("/en/", policy.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["style-src"] == ["'self'"]
        assert_every_inline_script_has_the_nonce(response)
        assert " style=" not in response.content.decode(), "the front end allows no inline style"
    assert "progress__bar" in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_home",
        "wagtailadmin_explore_root",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:aging_pages",
        "policy_review_report",
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailadmin_workflows:index",
        "wagtailadmin_workflows:task_index",
        "wagtaillocales:index",
        "wagtailimages:index",
        "wagtaildocs:index",
        "training_reports:team",
        "training_reports:quiz_results",
        "acknowledgements:index",
    ],
)
def test_admin_pages_carry_the_policy_and_no_inline_script_without_its_nonce(client, superuser, policy, url_name):
    client.force_login(superuser)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert "'unsafe-inline'" not in directives(response)["script-src"]
    assert directives(response)["style-src"] == ["'self'", "'unsafe-inline'"], "the admin's style attributes"
    assert_every_inline_script_has_the_nonce(response)


def test_page_editors_start_their_widgets_without_inline_scripts(client, superuser, policy, home_page):
    quiz = QuizPageFactory(policy=policy)
    client.force_login(superuser)

    for page in (policy, quiz):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert_every_inline_script_has_the_nonce(response)
        html = response.content.decode()
        assert "data-admin-chooser=" in html, "date pickers are started from markers"
    assert "data-admin-chooser-start=" in html, "the quiz's policy chooser is started from a marker"


def test_wagtails_inline_panels_get_the_nonce(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_workflows:edit", args=[1]))

    assert response.status_code == 200
    assert "new InlinePanel" in response.content.decode()
    assert re.search(r"'nonce-[^']+'", directives(response)["script-src"][1])
    assert_every_inline_script_has_the_nonce(response)


def test_the_translation_editor_gets_the_nonce(client, superuser, policy):
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    Locale.objects.get_or_create(language_code="es")
    TranslationCreator(superuser, [Locale.objects.get(language_code="es")]).create_translations(policy)
    translation = policy.get_translation(Locale.objects.get(language_code="es"))
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))

    assert response.status_code == 200
    assert "window.chooserUrls" in response.content.decode()
    assert_every_inline_script_has_the_nonce(response)


def test_a_chooser_leaves_the_call_that_starts_it_and_no_script(db, policy):
    html = AdminPageChooser(target_models=[Page]).render("policy", policy.pk, attrs={"id": "id_policy"})

    assert "<script" not in html
    assert "data-admin-chooser-start=" in html
    assert "&quot;construct&quot;: &quot;PageChooser&quot;" in html


def test_the_admin_asks_no_other_site_for_updates(client, superuser):
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'data-controller="w-upgrade' not in html


@pytest.mark.parametrize("url_name", ["mfa_index", "account_reauthenticate", "account_email"])
def test_two_factor_and_account_pages_carry_the_policy_and_no_inline_script_without_its_nonce(
    client, employee, url_name
):
    client.force_login(employee)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert directives(response)["style-src"] == ["'self'"]
    assert_every_inline_script_has_the_nonce(response)
    assert " style=" not in response.content.decode()
