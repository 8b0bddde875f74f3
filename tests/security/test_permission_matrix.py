"""Who gets what from every URL of the site: one request per URL pattern and role, read from the resolver.

Matrix: 149 project URLs (132 patterns of training, policy_content, quizzes and the project's admin
viewsets and reports, plus 17 routes of the project's routable pages) x 7 roles = 1,043 requests, and
the generic Wagtail, allauth and Django patterns by prefix, for a visitor and (the admin ones) for an
employee: about 1,490 requests in all. A new URL without a row in PROJECT fails,
naming the outcomes it has now.
"""

import pytest
from django.test import Client
from django.utils import timezone

from policy_content.models import Acknowledgement, FrozenText
from quizzes.conversation_demo import play_path
from quizzes.conversation_taking import start_conversation
from quizzes.models import QuizAttempt
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.quizzes.factories import ConversationPageFactory
from tests.quizzes.quiz_helpers import take
from tests.security.url_matrix import (
    DENIED,
    MISSING,
    NOT_ALLOWED,
    OK,
    REDIRECT,
    REFUSED,
    SIGN_IN,
    UNAUTHORIZED,
    fill,
    outcome,
    page_routes,
    site_patterns,
)
from tests.training.world import build_world
from training.calendar.tokens import feed_token
from training.models import ScimClient

ROLES = ("anonymous", "employee", "other_manager", "own_manager", "editor", "compliance", "admin")
CODES = {
    "200": OK,
    "in": SIGN_IN,
    "401": UNAUTHORIZED,
    "403": DENIED,
    "no": REFUSED,
    "404": MISSING,
    "405": NOT_ALLOWED,
    "->": REDIRECT,
}

# One row per project URL: the outcome for each role, in ROLES order. "in": sent to sign in (an
# employee too: the admin is not theirs); a report someone in the admin may not read answers 403;
# "no": Wagtail's refusal (back to the admin home with "you do not have permission"); "->": another
# redirect. The person in the records is Ana, an employee of the Contact centre team.
PROJECT = {
    "wagtailadmin_login": "in in in in in in in",
    "wagtailadmin_logout": "-> 200 200 200 200 200 200",
    "wagtailadmin_account": "in in 200 200 200 200 200",
    "health": "200 200 200 200 200 200 200",
    # Training reports: managers their teams, Compliance and admins every team, nobody else.
    "training_reports:team": "in in 200 200 403 200 200",
    "training_reports:team_results": "in in 200 200 403 200 200",
    "training_reports:remind": "in in 405 405 403 405 405",
    "training_reports:acknowledgements": "in in 200 200 403 200 200",
    "training_reports:acknowledgements_results": "in in 200 200 403 200 200",
    "training_reports:quiz_results": "in in 200 200 403 200 200",
    "training_reports:quiz_results_results": "in in 200 200 403 200 200",
    "training_reports:person": "in in 403 200 403 200 200",
    # Paper sign-offs: recorded and their scans read by whoever may read the person's records.
    "training_reports:paper_sign_off": "in in 403 200 403 200 200",
    "training_reports:paper_sign_off_scan": "in in 403 200 403 200 200",
    "live": "200 200 200 200 200 200 200",
    # Evidence packs, receipts and frozen texts (the test acknowledgements carry no frozen text: 404).
    "training_reports:person_evidence": "in in 404 200 403 200 200",
    "training_reports:policy_evidence": "in in 200 200 403 200 200",
    "evidence:mine": "in 200 200 200 200 200 200",
    "evidence:text": "in 404 404 404 404 404 404",
    "evidence:verify": "in 200 200 200 200 200 200",
    "evidence_check": "in in 403 403 403 200 200",
    # The audit log names people of every team: Compliance and administrators only.
    "training_reports:audit_log": "in in 403 403 403 200 200",
    "training_reports:audit_log_results": "in in 403 403 403 200 200",
    # SCIM provisioning: a bearer token of a provisioning client, never a session (none here: 401).
    "scim:root": "401 401 401 401 401 401 401",
    "scim:search": "401 401 401 401 401 401 401",
    "scim:service_provider_config": "401 401 401 401 401 401 401",
    "scim:resource_types": "401 401 401 401 401 401 401",
    "scim:resource_type": "401 401 401 401 401 401 401",
    "scim:schemas": "401 401 401 401 401 401 401",
    "scim:schema": "401 401 401 401 401 401 401",
    "scim:users": "401 401 401 401 401 401 401",
    "scim:users_search": "401 401 401 401 401 401 401",
    "scim:user": "401 401 401 401 401 401 401",
    "scim:groups": "401 401 401 401 401 401 401",
    "scim:groups_search": "401 401 401 401 401 401 401",
    "scim:group": "401 401 401 401 401 401 401",
    "scim:unknown": "401 401 401 401 401 401 401",
    # Provisioning clients and their tokens: administrators only.
    "provisioning_clients:index": "in in no no no no 200",
    "provisioning_clients:index_results": "in in no no no no 200",
    "provisioning_clients:add": "in in no no no no 200",
    "provisioning_clients:edit": "in in no no no no 200",
    "provisioning_clients:delete": "in in no no no no 200",
    "provisioning_clients:history": "in in no no no no 200",
    "provisioning_clients:history_results": "in in no no no no 200",
    "provisioning_clients:usage": "in in no no no no 200",
    "provisioning_clients:inspect": "in in no no no no 200",
    # A refresher (Ana's): only its owner answers it; for everyone else it does not exist.
    "refreshers:answer": "in 200 404 404 404 404 404",
    "policy_markdown_preview": "in in 405 405 405 405 405",
    # Comparing any two versions: those who may read a policy's history (editors) and Compliance.
    "policy_version_compare": "in in 403 403 200 200 200",
    # Search: anyone, each finding only what they may open. The calendar feed answers whoever holds
    # Ana's secret address (calendar apps fetch it without a session); its reset is a POST.
    "search": "200 200 200 200 200 200 200",
    "calendar_feed": "200 200 200 200 200 200 200",
    "calendar_reset": "405 405 405 405 405 405 405",
    # Translations: the waits report for Compliance; sending for approval is POST only; the sync
    # (wagtail-localize's, guarded) for editors and Compliance (no translation source 1 here: 404).
    "translation_waits": "in in 403 403 403 200 200",
    "submit_translation": "in in 405 405 405 405 405",
    "guarded_update_translations": "in in 403 403 404 404 404",
    # Editors' reports.
    "quiz_question_analysis": "in in 403 403 200 200 200",
    "quiz_question_analysis_results": "in in 403 403 200 200 200",
    "quiz_refresher_answers": "in in 403 403 200 200 200",
    "quiz_refresher_answers_results": "in in 403 403 200 200 200",
    "conversation_analysis": "in in 403 403 200 200 200",
    "conversation_analysis_results": "in in 403 403 200 200 200",
    "policy_review_report": "in in 403 403 200 200 200",
    "policy_clause_insight": "in in 403 403 200 200 200",
    "policy_recheck_impact": "in in no no 200 no 200",
    "policy_review_report_results": "in in 403 403 200 200 200",
    # People and teams: administrators only; a person with evidence is never deleted.
    "people:index": "in in no no no no 200",
    "people:index_results": "in in no no no no 200",
    "people:add": "in in no no no no 200",
    "people:edit": "in in no no no no 200",
    "people:delete": "in in no no no no no",
    "people:history": "in in no no no no 200",
    "people:history_results": "in in no no no no 200",
    "people:usage": "in in no no no no 200",
    "people:inspect": "in in no no no no 200",
    # Importing people: the upload form, and the preview of an upload (only its uploader's: none here).
    "people:import": "in in no no no no 200",
    "people:import_preview": "in in no no no no 404",
    "teams:index": "in in no no no no 200",
    "teams:index_results": "in in no no no no 200",
    "teams:add": "in in no no no no 200",
    "teams:edit": "in in no no no no 200",
    "teams:delete": "in in no no no no 200",
    "teams:history": "in in no no no no 200",
    "teams:history_results": "in in no no no no 200",
    "teams:usage": "in in no no no no 200",
    "teams:inspect": "in in no no no no 200",
    # Requirements: Compliance sets them.
    "requirements:index": "in in no no no 200 200",
    "requirements:index_results": "in in no no no 200 200",
    "requirements:add": "in in no no no 200 200",
    "requirements:edit": "in in no no no 200 200",
    "requirements:delete": "in in no no no 200 200",
    "requirements:history": "in in no no no 200 200",
    "requirements:history_results": "in in no no no 200 200",
    "requirements:usage": "in in no no no 200 200",
    # Evidence: read-only for everyone; acknowledgements and attempts only of people in scope
    # (an editor's scope is empty: out-of-scope records are 404).
    "policy_versions:index": "in in no no 200 200 200",
    # Readers' questions: editors and Compliance (and admins) read and resolve them; none exists here.
    "reader_questions:index": "in in no no 200 200 200",
    "reader_questions:index_results": "in in no no 200 200 200",
    "reader_questions:edit": "in in no no 404 404 404",
    "policy_versions:index_results": "in in no no 200 200 200",
    "policy_versions:add": "in in no no no no no",
    "policy_versions:edit": "in in no no no no no",
    "policy_versions:delete": "in in no no no no no",
    "policy_versions:history": "in in no no no no no",
    "policy_versions:history_results": "in in no no no no no",
    "policy_versions:usage": "in in no no no no no",
    "policy_versions:inspect": "in in no no 200 200 200",
    "acknowledgements:index": "in in no no 200 200 200",
    "acknowledgements:index_results": "in in no no 200 200 200",
    "acknowledgements:add": "in in no no no no no",
    "acknowledgements:edit": "in in no no no no no",
    "acknowledgements:delete": "in in no no no no no",
    "acknowledgements:history": "in in no no no no no",
    "acknowledgements:history_results": "in in no no no no no",
    "acknowledgements:usage": "in in no no no no no",
    "acknowledgements:inspect": "in in 404 no 404 200 200",
    "quiz_attempts:index": "in in no no no 200 200",
    "quiz_attempts:index_results": "in in no no no 200 200",
    "quiz_attempts:add": "in in no no no no no",
    "quiz_attempts:edit": "in in no no no no no",
    "quiz_attempts:delete": "in in no no no no no",
    "quiz_attempts:history": "in in no no no no no",
    "quiz_attempts:history_results": "in in no no no no no",
    "quiz_attempts:usage": "in in no no no no no",
    "quiz_attempts:inspect": "in in 404 no 404 200 200",
    "conversation_attempts:index": "in in no no no 200 200",
    "conversation_attempts:index_results": "in in no no no 200 200",
    "conversation_attempts:add": "in in no no no no no",
    "conversation_attempts:edit": "in in no no no no no",
    "conversation_attempts:delete": "in in no no no no no",
    "conversation_attempts:history": "in in no no no no no",
    "conversation_attempts:history_results": "in in no no no no no",
    "conversation_attempts:usage": "in in no no no no no",
    "conversation_attempts:inspect": "in in 404 no 404 200 200",
    # Routes of the project's pages (the test policy has no view restriction; the quiz library has).
    "HomePage:index_route": "200 200 200 200 200 200 200",
    "HomePage:completion_record": "in 200 -> -> -> -> ->",
    "PolicyPage:index_route": "200 200 200 200 200 200 200",
    "PolicyPage:read": "200 200 200 200 200 200 200",
    "PolicyPage:acknowledge": "405 405 405 405 405 405 405",
    "PolicyPage:ask": "405 405 405 405 405 405 405",
    "QuizPage:index_route": "in 200 200 200 200 200 200",
    "QuizPage:intro_view": "in 200 200 200 200 200 200",
    "QuizPage:start": "405 405 405 405 405 405 405",
    "QuizPage:recheck": "405 405 405 405 405 405 405",
    "QuizPage:attempt": "in -> 404 404 404 404 404",
    "QuizPage:result": "in 200 404 404 404 404 404",
    "ConversationPage:index_route": "in 200 200 200 200 200 200",
    "ConversationPage:intro_view": "in 200 200 200 200 200 200",
    "ConversationPage:start": "405 405 405 405 405 405 405",
    "ConversationPage:attempt": "in -> 404 404 404 404 404",
    "ConversationPage:result": "in 200 404 404 404 404 404",
}

# Wagtail's, allauth's and Django's own URLs, by route prefix (the first that matches): what a
# visitor gets. Every admin one sends a visitor, and an employee (no admin access), to sign in.
GENERIC = [
    ("admin/sprite/", OK),  # the icon sprite
    ("admin/jsi18n/", OK),  # the admin's JavaScript catalogue
    ("admin/password_reset/", MISSING),  # Wagtail's password reset is off: allauth's serves
    ("admin/^.*/$", REDIRECT),  # any other admin path: Wagtail's 404 behind sign-in
    ("admin/", SIGN_IN),
    ("documents/", MISSING),  # no such document
    ("i18n/setlang/", REDIRECT),
    ("en/_util/login/", OK),
    ("en/_util/", MISSING),
    ("en/accounts/2fa/", SIGN_IN),
    ("en/accounts/email/", SIGN_IN),
    ("en/accounts/password/change/", SIGN_IN),
    ("en/accounts/password/set/", SIGN_IN),
    ("en/accounts/reauthenticate/", SIGN_IN),
    ("en/accounts/login/code/confirm/", SIGN_IN),
    ("en/accounts/logout/", REDIRECT),
    # Single sign-on: allauth's pages after a provider (an error answers 401), a person's connected
    # providers, its old addresses (redirects to the new); the providers' own addresses answer 404 for
    # a provider that is not configured, except SAML's assertion consumer, which passes what it is
    # posted on to the step that looks the provider up.
    ("en/accounts/3rdparty/login/cancelled/", OK),
    ("en/accounts/3rdparty/login/error/", "401"),
    ("en/accounts/3rdparty/", SIGN_IN),
    ("en/accounts/social/", REDIRECT),
    ("accounts/^saml/(?P<organization_slug>[^/]+)/acs/finish/", MISSING),
    ("accounts/^saml/(?P<organization_slug>[^/]+)/acs/", REDIRECT),
    ("accounts/", MISSING),
    ("en/accounts/", OK),  # sign in, sign-up closed, password reset, inactive account, a bad link's page
    ("en/", OK),  # the site's pages
]


@pytest.fixture
def world(home_page):
    return build_world()


def project_paths(world, home_page):
    """(row key, path) of every project URL, on Ana's records."""
    ack = Acknowledgement.objects.filter(user=world.ana).first()
    paper = AcknowledgementFactory(user=world.ana, version=PolicyPageFactory().current_version, paper=True)
    attempt = QuizAttempt.objects.filter(user=world.ana).first()
    conversation = ConversationPageFactory(parent=world.quiz.get_parent().specific)
    played = start_conversation(conversation=conversation, user=world.ana, language="en")
    play_path(played, ["listening", "resolved"], now=timezone.now())
    refresher = take(world.quiz, world.ana, right=False, days_ago=2).refreshers.first()
    text_hash = FrozenText.objects.filter(acknowledgements__user=world.ana).values_list("sha256", flat=True).first()
    pks = {
        "people": world.ana.pk,
        "teams": world.cc.pk,
        "requirements": world.policy_requirement.pk,
        "policy_versions": world.v2.pk,
        "acknowledgements": ack.pk,
        "quiz_attempts": attempt.pk,
        "conversation_attempts": played.pk,
        "training_reports": world.ana.pk,
        "provisioning_clients": ScimClient.objects.create(name="Entra ID", token_hash="0" * 64).pk,
    }
    for pattern in site_patterns():
        if pattern.project:
            pk = (
                world.policy.pk
                if pattern.key in ("training_reports:policy_evidence", "policy_clause_insight")
                else pks.get(pattern.key.split(":")[0], 1)
            )
            yield (
                pattern.key,
                fill(
                    pattern.route,
                    {
                        "pk": pk,
                        "page_id": world.policy.pk,
                        "refresher_id": refresher.pk,
                        "sha256": text_hash,
                        "acknowledgement": paper.pk,
                        "token": feed_token(world.ana),
                    },
                ),
            )
    pages = {
        "HomePage": home_page,
        "PolicyPage": world.policy,
        "QuizPage": world.quiz,
        "ConversationPage": conversation,
    }
    attempts = {"QuizPage": attempt.pk, "ConversationPage": played.pk}
    for model, name, route in page_routes():
        attempt_id = attempts.get(model.__name__, attempt.pk)
        yield f"{model.__name__}:{name}", pages[model.__name__].url + fill(route, {"attempt_id": attempt_id})[1:]


def generic_expectation(route):
    return next(expected for prefix, expected in GENERIC if route.startswith(prefix))


def test_every_url_answers_each_role_as_the_table_says(
    world, home_page, editor, compliance, superuser, record_property
):
    people = {
        "anonymous": None,
        "employee": world.ana,
        "other_manager": world.fd_manager,
        "own_manager": world.cc_manager,
        "editor": editor,
        "compliance": compliance,
        "admin": superuser,
    }
    clients = {}
    for role, person in people.items():
        clients[role] = Client()
        if person:
            clients[role].force_login(person)

    paths = dict(project_paths(world, home_page))
    unlisted = sorted(paths.keys() - PROJECT.keys())
    code = {value: key for key, value in CODES.items()}
    observed = [
        f'"{key}": "{" ".join(code[outcome(clients[role], paths[key])] for role in ROLES)}",' for key in unlisted
    ]
    record_property("project_urls", len(paths))
    assert not unlisted, "URLs without an expected outcome (observed now):\n" + "\n".join(observed)
    assert not PROJECT.keys() - paths.keys(), "expectations for URLs that no longer exist"
    mismatches, requests = [], 0
    for key, path in paths.items():
        expected = [CODES[code] for code in PROJECT[key].split()]
        for role, want in zip(ROLES, expected, strict=True):
            got = outcome(clients[role], path)
            requests += 1
            if got != want:
                mismatches.append(f"{key} {path} {role}: expected {want}, got {got}")

    generic = [pattern for pattern in site_patterns() if not pattern.project]
    for pattern in generic:
        path = fill(pattern.route, {})
        checks = [("anonymous", generic_expectation(pattern.route))]
        if pattern.route.startswith("admin/") and generic_expectation(pattern.route) == SIGN_IN:
            checks.append(("employee", SIGN_IN))
        for role, want in checks:
            got = outcome(clients[role], path)
            requests += 1
            if got != want:
                mismatches.append(f"{pattern.route} {path} {role}: expected {want}, got {got}")

    record_property("matrix", f"{len(paths)} project URLs x {len(ROLES)} roles + {len(generic)} generic patterns")
    record_property("requests", requests)
    assert not mismatches, "\n".join(mismatches)
