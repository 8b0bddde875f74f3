from django.db import migrations


def chain_existing_attempts(apps, schema_editor):
    """Attempts submitted before the evidence chain existed join it, oldest first."""
    from policy_content.evidence_chain import append_record
    from quizzes.evidence import QUIZ_ATTEMPT, attempt_content

    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    chain_models = (
        apps.get_model("policy_content", "EvidenceRecord"),
        apps.get_model("policy_content", "EvidenceChainHead"),
    )
    for attempt in QuizAttempt.objects.filter(submitted_at__isnull=False).order_by("submitted_at", "pk"):
        append_record(
            kind=QUIZ_ATTEMPT,
            object_id=attempt.pk,
            content=attempt_content(attempt),
            person_id=attempt.user_id,
            models=chain_models,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0004_question_analysis_permission"),
        ("policy_content", "0006_evidence"),
    ]

    operations = [migrations.RunPython(chain_existing_attempts, migrations.RunPython.noop)]
