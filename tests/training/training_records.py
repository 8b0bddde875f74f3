"""Real policy, quiz, acknowledgement and attempt records for the progress, report and reminder tests."""

import datetime
import itertools

from django.utils import timezone

from training.models import Requirement

_serial = itertools.count(1)


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def _index(home_page, model):
    existing = model.objects.child_of(home_page).first()
    if existing:
        return existing
    index = model(title=model._meta.verbose_name.title(), slug=f"{model.__name__.lower()}-{next(_serial)}")
    home_page.add_child(instance=index)
    return index


def make_policy(home_page, *, title="Customer service policy", versions=(400,)):
    """A live policy page with a version published each of `versions` days ago (oldest first)."""
    from policy_content.models import PolicyIndexPage, PolicyPage, PolicyVersion

    policy = PolicyPage(
        title=title,
        slug=f"policy-{next(_serial)}",
        summary="How we treat customers.",
        policy_owner="Head of Customer Service",
        body=[("section", {"heading": "Purpose", "anchor": "purpose", "body": "Treat every customer with respect."})],
    )
    _index(home_page, PolicyIndexPage).add_child(instance=policy)
    for number, age in enumerate(versions, start=1):
        PolicyVersion.objects.create(
            policy=policy, number=number, published_at=days_ago(age), change_summary=f"Version {number}"
        )
    return policy


def publish_version(policy, *, age=0):
    from policy_content.models import PolicyVersion

    number = (policy.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return PolicyVersion.objects.create(
        policy=policy, number=number, published_at=days_ago(age), change_summary=f"Version {number}"
    )


def make_quiz(home_page, *, title="Angry customers", attempts_allowed=3, pass_mark=80):
    from quizzes.models import QuizIndexPage, QuizPage

    quiz = QuizPage(
        title=title,
        slug=f"quiz-{next(_serial)}",
        intro="Scenarios.",
        pass_mark=pass_mark,
        attempts_allowed=attempts_allowed,
    )
    _index(home_page, QuizIndexPage).add_child(instance=quiz)
    return quiz


def acknowledge(user, version, *, age=1, language="en"):
    from policy_content.models import Acknowledgement

    return Acknowledgement.objects.create(
        user=user,
        version=version,
        acknowledged_at=days_ago(age),
        language=language,
        statement="I have read and understood this policy.",
        typed_name=user.name or user.email,
    )


def attempt(user, quiz, *, percent, passed=None, age=1, submitted=True):
    from quizzes.models import QuizAttempt

    passed = percent >= quiz.pass_mark if passed is None else passed
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        language="en",
        snapshot={"questions": []},  # the shape every served attempt has
        answers={},
        score=percent,
        max_score=100,
        percent=percent if submitted else None,
        passed=passed if submitted else None,
        started_at=days_ago(age),
        submitted_at=days_ago(age) if submitted else None,
    )


def require(page, **options):
    options.setdefault("active_from", timezone.localdate() - datetime.timedelta(days=60))
    teams = options.pop("teams", ())
    requirement = Requirement.objects.create(page=page, **options)
    if teams:
        requirement.teams.set(teams)
    return requirement


class World:
    """Two teams with a manager each and people in every state (see build_world)."""


def build_world(home_page):
    """Contact centre: Ana done, James re-acknowledge + quiz overdue, Tom new hire not started.
    Front desk: Sofía quiz overdue, Nikos policy to do + quiz overdue."""
    from tests.factories import AuthenticatorFactory, TeamFactory, UserFactory

    world = World()
    world.cc = TeamFactory(name="Contact centre")
    world.fd = TeamFactory(name="Front desk")
    today = timezone.localdate()

    def person(name, team, started, language="en", job_title="Support agent", roles=("Employees",)):
        return UserFactory(
            name=name,
            team=team,
            start_date=today - datetime.timedelta(days=started),
            preferred_language=language,
            job_title=job_title,
            roles=list(roles),
        )

    world.cc_manager = person("Marta Manager", None, 1500, "es", "Manager", ("Managers", "Employees"))
    world.fd_manager = person("Daniel Manager", None, 1100, "en", "Manager", ("Managers", "Employees"))
    for manager in (world.cc_manager, world.fd_manager):
        AuthenticatorFactory(user=manager)  # managers must use two-factor authentication to open the reports
    world.cc.managers.add(world.cc_manager)
    world.fd.managers.add(world.fd_manager)
    world.ana = person("Ana Costa", world.cc, 700, "pt")
    world.james = person("James Carter", world.cc, 400)
    world.tom = person("Tom Baker", world.cc, 5, "es")
    world.sofia = person("Sofía Martín", world.fd, 500, "es", "Receptionist")
    world.nikos = person("Nikos Georgiou", world.fd, 300, "el", "Receptionist")

    world.policy = make_policy(home_page, versions=(400, 20))
    world.v1, world.v2 = world.policy.versions.order_by("number")
    world.quiz = make_quiz(home_page)
    world.policy_requirement = require(world.policy, new_version_due_days=30, sort_order=0)
    world.quiz_requirement = require(world.quiz, sort_order=1)

    acknowledge(world.ana, world.v1, age=390)
    acknowledge(world.ana, world.v2, age=10, language="pt")
    attempt(world.ana, world.quiz, percent=90, age=30)
    acknowledge(world.james, world.v1, age=300)
    attempt(world.james, world.quiz, percent=40, age=3)
    acknowledge(world.sofia, world.v2, age=5, language="es")
    return world
