"""generate_scale_data: many people with records the product itself would have written."""

import io
from collections import Counter, defaultdict

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.search.models import IndexEntry
from wagtail.users.models import UserProfile

from policy_content.acknowledgements import statement_for
from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
from quizzes.models import QuizAttempt, QuizPage
from quizzes.scoring import score_attempt
from training.choices import ItemKind, Role, Status
from training.compliance.loader import load_requirements, load_standings
from training.demo.scale_data import EMAIL_DOMAIN
from training.demo.seed import DEMO_PASSWORD
from training.models import Team, User

PEOPLE = 50


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    """The demo and the scale people, made once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())
            out = io.StringIO()
            call_command("generate_scale_data", people=PEOPLE, force=True, stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def scale_people():
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def test_scale_data_adds_people_in_teams_each_with_a_manager_who_can_sign_in(scale, db, client):
    people = scale_people()
    assert people.count() == PEOPLE
    assert f"{PEOPLE} people in 10 teams" in scale
    teams = Team.objects.filter(members__in=people).distinct()
    assert teams.count() == 10
    for team in teams:
        manager = team.managers.get()
        assert manager.team == team
        assert set(manager.groups.values_list("name", flat=True)) == {Role.MANAGER, Role.EMPLOYEE}
    assert client.login(email=teams[0].managers.get().email, password=DEMO_PASSWORD)
    assert set(people.values_list("preferred_language", flat=True)) <= {"en", "es", "pt", "el"}
    assert people.filter(start_date__isnull=True).count() == 0


def test_scale_people_have_what_saving_a_person_adds(scale, db):
    people = scale_people()
    assert EmailAddress.objects.filter(user__in=people, verified=True, primary=True).count() == PEOPLE
    profiles = dict(UserProfile.objects.filter(user__in=people).values_list("user_id", "preferred_language"))
    assert profiles == dict(people.values_list("pk", "preferred_language"))
    assert people.filter(groups__name=Role.EMPLOYEE).count() == PEOPLE
    user_type = ContentType.objects.get_for_model(User)
    indexed = IndexEntry.objects.filter(
        content_type=user_type, object_id__in=[str(pk) for pk in people.values_list("pk", flat=True)]
    )
    assert indexed.count() == PEOPLE


def test_scale_acknowledgements_are_of_versions_in_force_with_the_statement_read(scale, db):
    people = {user.pk: user for user in scale_people()}
    acknowledgements = list(Acknowledgement.objects.filter(user__in=people).select_related("version"))
    assert 1.0 <= len(acknowledgements) / PEOPLE <= 1.8
    versions = list(PolicyVersion.objects.order_by("number"))
    closes = {version.pk: later.published_at for version, later in zip(versions, versions[1:], strict=False)}
    for ack in acknowledgements:
        user = people[ack.user_id]
        assert ack.version.published_at <= ack.acknowledged_at <= closes.get(ack.version_id, timezone.now())
        assert ack.acknowledged_at.date() >= user.start_date
        assert ack.typed_name == user.name and ack.language == user.preferred_language
        page = PolicyPage.objects.get(pk=ack.version.policy_id)
        page = page.get_translation_or_none(Locale.objects.get(language_code=ack.language)) or page
        with translation.override(ack.language):
            assert ack.statement == statement_for(page=page, version=ack.version)


def test_scale_attempts_are_scored_by_the_quiz_rules_within_the_attempts_allowed(scale, db):
    people = scale_people()
    attempts = list(QuizAttempt.objects.filter(user__in=people).select_related("quiz"))
    assert 4 <= len(attempts) / PEOPLE <= 8
    outcomes = Counter(attempt.passed for attempt in attempts)
    assert outcomes[True] and outcomes[False]
    per_quiz = defaultdict(list)
    for attempt in attempts:
        per_quiz[(attempt.user_id, attempt.quiz_id)].append(attempt)
        if attempt.submitted_at is None:
            assert attempt.answers == {} and attempt.passed is None
            continue
        score = score_attempt(attempt.snapshot, attempt.answers)
        assert (attempt.percent, attempt.passed, attempt.max_score) == (score.percent, score.passed, score.max_score)
        assert float(attempt.score) == round(float(score.score), 2)
        assert attempt.results == [result.as_json() for result in score.questions]
        assert attempt.started_at <= attempt.submitted_at <= timezone.now()
    for (_user, quiz_id), taken in per_quiz.items():
        allowed = QuizPage.objects.get(pk=quiz_id).attempts_allowed
        assert not allowed or len(taken) <= allowed
        taken.sort(key=lambda attempt: attempt.started_at)
        assert all(not attempt.passed for attempt in taken[:-1]), "nobody retakes a quiz they passed"


def test_standings_of_scale_people_match_their_records(scale, db):
    people = scale_people()
    standings = load_standings(people)
    requirements = load_requirements()
    acknowledged = defaultdict(set)
    for user_id, version_id in Acknowledgement.objects.filter(user__in=people).values_list("user_id", "version_id"):
        acknowledged[user_id].add(version_id)
    attempts = Counter(QuizAttempt.objects.filter(user__in=people).values_list("user_id", "quiz_id"))
    passed = set(QuizAttempt.objects.filter(user__in=people, passed=True).values_list("user_id", "quiz_id"))
    statuses = Counter()
    rechecks = 0
    for user_id, standing in standings.items():
        own = [item for item in standing.items if item.recheck is None]
        assert len(own) == len(requirements)
        for recheck in standing.rechecks:
            # Owed only by someone who passed the quiz before a version changed sections it covered.
            assert (user_id, recheck.requirement.page_id) in passed
            rechecks += 1
        for item in own:
            requirement = item.requirement
            statuses[item.status] += 1
            if requirement.kind == ItemKind.POLICY:
                done = requirement.current_version_id in acknowledged[user_id]
                assert item.is_done == done
                assert item.needs_reacknowledgement == (not done and bool(acknowledged[user_id]))
            else:
                assert item.is_done == ((user_id, requirement.page_id) in passed)
                assert item.attempts_used == attempts[(user_id, requirement.page_id)]
    assert {Status.DONE, Status.OVERDUE} <= set(statuses)
    assert rechecks, "people who passed before version 2 owe re-checks"
