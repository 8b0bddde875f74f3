"""Records (attempts, acknowledgements, evidence, reminders, standings) leave Wagtail's reference index.

They set `wagtail_reference_index_ignore`; the entries indexed before are removed here, so a page's
usage lists the content that links to it, not every attempt and acknowledgement of it.
"""

from django.db import migrations

RECORDS = [
    ("quizzes", "quizattempt"),
    ("quizzes", "conversationattempt"),
    ("quizzes", "conversationturn"),
    ("quizzes", "refresher"),
    ("quizzes", "refresheranswer"),
    ("policy_content", "acknowledgement"),
    ("policy_content", "evidencerecord"),
    ("training", "remindersend"),
    ("training", "standingitem"),
]


def forget_records(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    types = [
        pk
        for app_label, model in RECORDS
        for pk in ContentType.objects.filter(app_label=app_label, model=model).values_list("pk", flat=True)
    ]
    ReferenceIndex.objects.filter(content_type_id__in=types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0021_standings_table"),
        ("quizzes", "0011_quiz_ask_certainty"),
        ("policy_content", "0012_acknowledgement_renewal"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_records, migrations.RunPython.noop)]
