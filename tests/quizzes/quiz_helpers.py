"""Building quizzes for tests from the demo content, the way editors publish them."""

from quizzes.demo import bank_data, demo_answers
from quizzes.demo_content import ANGRY_CUSTOMERS
from quizzes.models import QuizIndexPage, QuizPage

__all__ = ["demo_answers", "make_quiz", "quiz_url"]


def make_quiz(home_page, *, policy=None, questions=None, **fields) -> QuizPage:
    index = QuizIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = QuizIndexPage(title="Quizzes", slug="quizzes")
        home_page.add_child(instance=index)
        index.save_revision().publish()
    anchors = {anchor for anchor, _heading in policy.section_anchors()} if policy else set()
    options = {
        "title": "Angry customers",
        "slug": f"quiz-{QuizPage.objects.count() + 1}",
        "intro": ANGRY_CUSTOMERS["intro"],
        "pass_mark": 75,
        "attempts_allowed": 3,
        "policy": policy,
        "question_bank": bank_data(questions or ANGRY_CUSTOMERS["questions"], policy_anchors=anchors),
        "live": False,
        **fields,
    }
    quiz = QuizPage(**options)
    index.add_child(instance=quiz)
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def quiz_url(quiz, route="", *args) -> str:
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")
