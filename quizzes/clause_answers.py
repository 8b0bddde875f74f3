"""The quizzes' answers, per policy section, for the annual review's clause insight."""

from collections import Counter

from policy_content.clause_insight import AnswerRecord, ClauseSource
from policy_content.models import PolicyPage

from .models import QuizAttempt, QuizPage, RefresherAnswer

__all__ = ["quiz_clause_source", "refresher_clause_source"]


def quiz_clause_source(policy: PolicyPage) -> ClauseSource:
    """Questions in the banks of the quizzes training `policy`, and every submitted answer to them (2 queries).

    Whole quizzes and re-checks alike; an answer counts as missed unless it earned full points.
    """
    quizzes = QuizPage.objects.filter(policy=policy, locale_id=policy.locale_id).only("pk", "question_bank")
    questions = Counter(
        block.value["policy_section"]
        for quiz in quizzes
        for block in quiz.question_bank
        if block.value["policy_section"]
    )
    answers = []
    rows = QuizAttempt.objects.submitted().filter(quiz__policy=policy).values_list("snapshot", "results")
    for snapshot, results in rows.iterator(chunk_size=500):
        sections = {question["id"]: question.get("policy_section") for question in snapshot.get("questions", [])}
        answers += [
            AnswerRecord(sections[result["question_id"]], bool(result["correct"]))
            for result in results
            if sections.get(result["question_id"])
        ]
    return ClauseSource(questions=questions, answers=answers)


def refresher_clause_source(policy: PolicyPage) -> ClauseSource:
    """Every answer to a refresher of the quizzes training `policy` (1 query); their questions are the quizzes'."""
    rows = RefresherAnswer.objects.filter(quiz__policy=policy).values_list("refresher__question", "correct")
    answers = [
        AnswerRecord(question["policy_section"], correct)
        for question, correct in rows.iterator(chunk_size=500)
        if question.get("policy_section")
    ]
    return ClauseSource(answers=answers)
