"""seed_progress: the demo's requirements, made once, showing every state."""

from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.quizzes.factories import QuizAttemptFactory, QuizPageFactory
from training.choices import Status
from training.compliance.loader import load_standings
from training.demo import seed as demo
from training.models import Requirement, User


def test_seed_progress_is_idempotent_and_shows_every_state(db):
    demo.seed_people()
    policy = PolicyPageFactory(title="Customer service policy", publish=False, versions=(395, 20))
    quizzes = [
        QuizPageFactory(title=title, intro="Scenarios.", pass_mark=80, publish=False)
        for title in ("Angry customers", "Escalation", "Closing")
    ]
    v1, v2 = policy.versions.order_by("number")
    people = {user.email.split("@")[0]: user for user in User.objects.all()}
    AcknowledgementFactory(user=people["ana"], version=v2, age=1)
    AcknowledgementFactory(user=people["james"], version=v1, age=300)
    for quiz in quizzes:
        QuizAttemptFactory(user=people["ana"], quiz=quiz, percent=100)

    first = demo.seed_progress(policy=policy, quizzes=quizzes)
    again = demo.seed_progress(policy=policy, quizzes=quizzes)
    assert first == again
    assert Requirement.objects.count() == 4

    standings = load_standings(User.objects.filter(team__isnull=False))
    by_person = {
        standings[user.pk].person.email.split("@")[0]: standings[user.pk]
        for user in people.values()
        if user.pk in standings
    }
    assert by_person["ana"].all_done
    assert by_person["james"].item_for(first[0].pk).status == Status.REACKNOWLEDGE
    assert by_person["sofia"].item_for(first[1].pk).status == Status.OVERDUE
    assert {item.status for item in by_person["eleni"].items} == {Status.TODO}
    assert {item.attempts_used for item in by_person["eleni"].items if item.kind == "quiz"} == {0}
