"""The training world: two teams with a manager each and people in every state of their training."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.quizzes.factories import QuizAttemptFactory, QuizPageFactory
from tests.training.factories import AuthenticatorFactory, RequirementFactory, TeamFactory, UserFactory


def build_world() -> SimpleNamespace:
    """Contact centre: Ana done, James re-acknowledge + quiz overdue, Tom new hire not started.
    Front desk: Sofía quiz overdue, Nikos policy to do + quiz overdue."""
    world = SimpleNamespace()
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

    world.policy = PolicyPageFactory(
        title="Customer service policy", summary="How we treat customers.", publish=False, versions=(400, 20)
    )
    world.v1, world.v2 = world.policy.versions.order_by("number")
    world.quiz = QuizPageFactory(intro="Scenarios.", pass_mark=80, publish=False)
    world.policy_requirement = RequirementFactory(page=world.policy, new_version_due_days=30, sort_order=0)
    world.quiz_requirement = RequirementFactory(page=world.quiz, sort_order=1)

    AcknowledgementFactory(user=world.ana, version=world.v1, age=390)
    AcknowledgementFactory(user=world.ana, version=world.v2, age=10, language="pt")
    QuizAttemptFactory(user=world.ana, quiz=world.quiz, percent=90, age=30)
    AcknowledgementFactory(user=world.james, version=world.v1, age=300)
    QuizAttemptFactory(user=world.james, quiz=world.quiz, percent=40, age=3)
    AcknowledgementFactory(user=world.sofia, version=world.v2, age=5, language="es")
    return world
