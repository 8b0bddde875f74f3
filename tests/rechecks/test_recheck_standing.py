import datetime

from django.utils import timezone

from quizzes.recheck_rules import RecheckOwed
from training.calendar.feed import item_summary
from training.choices import Audience, ItemKind, Status
from training.compliance.rules import PersonFacts, QuizFacts, RequirementFacts, person_standing

TODAY = datetime.date(2026, 5, 20)
PUBLISHED = timezone.make_aware(datetime.datetime(2026, 5, 1, 12))
QUIZ = RequirementFacts(
    id=2,
    page_id=20,
    kind=ItemKind.QUIZ,
    title="Angry customers",
    translation_key=None,
    audience=Audience.EVERYONE,
    team_ids=frozenset(),
    new_hire_due_days=14,
    new_version_due_days=30,
    active_from=TODAY - datetime.timedelta(days=300),
    attempts_allowed=3,
)
ANA = PersonFacts(id=1, name="Ana", email="ana@example.com", team_id=5, start_date=TODAY - datetime.timedelta(days=700))
OWED = RecheckOwed(version_id=7, version_number=2, published_at=PUBLISHED, sections=frozenset({"complaints"}))
PASSED = {20: QuizFacts(attempts=1, best_percent=100, first_passed_at=PUBLISHED - datetime.timedelta(days=30))}


def standing(today=TODAY, rechecks=None):
    return person_standing(ANA, [QUIZ], today=today, quizzes=PASSED, rechecks=rechecks)


def test_a_recheck_owed_is_an_item_of_its_own_due_the_version_allowance_after_the_version():
    result = standing(rechecks={20: OWED})
    recheck = result.recheck_for(QUIZ.id)
    assert result.item_for(QUIZ.id).status == Status.DONE
    assert (recheck.kind, recheck.status, recheck.due_date) == (
        ItemKind.RECHECK,
        Status.TODO,
        datetime.date(2026, 5, 31),
    )
    assert (result.total, result.done_count, result.next_item) == (2, 1, recheck)


def test_a_recheck_past_its_due_date_is_overdue_and_comes_first():
    result = standing(today=datetime.date(2026, 6, 1), rechecks={20: OWED})
    assert result.items[0].recheck is OWED and result.items[0].status == Status.OVERDUE


def test_without_a_recheck_owed_the_standing_is_as_before():
    result = standing()
    assert result.rechecks == [] and result.total == 1 and result.all_done


def test_the_calendar_says_to_take_the_recheck():
    assert item_summary(standing(rechecks={20: OWED}).recheck_for(QUIZ.id)) == "Take the re-check: Angry customers"
