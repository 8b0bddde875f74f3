import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from quizzes.blocks import MultipleResponseQuestionBlock, SingleChoiceQuestionBlock
from quizzes.demo_content import QUIZZES
from quizzes.models import QuizAttempt, QuizPage
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory

pytestmark = pytest.mark.django_db


def scenario(**choices):
    return {
        "channel": "phone",
        "customer_says": "I am not happy.",
        "situation": "",
        "prompt": "What now?",
        "explanation": "Because.",
        "points": 1,
        "policy_section": "",
        **choices,
    }


def options(*flags):
    return [{"text": f"Answer {i}", "correct": flag, "feedback": ""} for i, flag in enumerate(flags)]


@pytest.mark.parametrize("flags", [(False, False), (True, True)])
def test_single_choice_needs_exactly_one_right_answer(flags):
    block = SingleChoiceQuestionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(scenario(choices=options(*flags))))


def test_multiple_response_needs_a_right_answer():
    block = MultipleResponseQuestionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(scenario(choices=options(False, False))))
    assert block.clean(block.to_python(scenario(choices=options(True, True, False))))


def test_a_question_must_link_to_a_section_that_exists_in_the_policy(db):
    quiz = QuizPageFactory(policy=PolicyPageFactory())
    page = QuizPage.objects.get(pk=quiz.pk)
    page.question_bank[0].value["policy_section"] = "no-such-section"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "no-such-section" in str(error.value)


def test_preview_shows_the_questions_without_answers_or_recording_anything(rf, editor):
    quiz = QuizPageFactory(policy=PolicyPageFactory())
    request = rf.get("/")
    request.user = editor
    response = quiz.make_preview_request(original_request=request, preview_mode="questions")
    response.render()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: questions drawn from this draft" in html
    first = quiz.question_bank[0].value
    assert first["explanation"] not in html
    assert not QuizAttempt.objects.exists()


def test_attempts_are_read_only_in_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/quiz-attempts/").status_code == 200
    assert client.get("/admin/quiz-attempts/new/").status_code in (302, 403)


def test_demo_quizzes_cover_the_three_topics_and_every_question_type():
    sizes = {quiz["slug"]: len(quiz["questions"]) for quiz in QUIZZES}
    assert sizes == {"angry-customers": 8, "escalations-and-complaints": 8, "closing-interactions": 6}
    for quiz in QUIZZES:
        if quiz["slug"] != "closing-interactions":
            assert {q["type"] for q in quiz["questions"]} == {"single_choice", "multiple_response", "ordering"}


def test_people_and_quizzes_with_attempts_cannot_be_deleted(client, superuser, employee):
    from quizzes.attempts import start_attempt

    quiz = QuizPageFactory(policy=PolicyPageFactory())
    start_attempt(quiz=quiz, user=employee, language="en")
    client.force_login(superuser)
    response = client.post(f"/admin/users/delete/{employee.pk}/", follow=True)
    assert "quiz attempts are kept as evidence" in response.content.decode()
    response = client.post(f"/admin/pages/{quiz.pk}/delete/", follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert QuizPage.objects.filter(pk=quiz.pk).exists()
    assert type(employee).objects.filter(pk=employee.pk).exists()
