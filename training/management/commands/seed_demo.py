from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from policy_content.demo import seed_policy
from quizzes.conversation_demo import seed_conversation_attempts, seed_conversations
from quizzes.demo import seed_attempts, seed_quizzes, seed_refresher_answers
from training.choices import Role
from training.demo import seed as demo


class Command(BaseCommand):
    help = (
        "Load the demo: teams, people of every role, the policy, the quizzes and the conversations in four languages. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            people = demo.seed_people()
        created = sum(1 for _, was_created in people if was_created)
        self.stdout.write(f"Demo people: {created} created, {len(people) - created} already there.")
        home = Site.objects.get(is_default_site=True).root_page.specific
        untranslated_versions = {}

        def translate_version(policy):
            for language, problem in demo.translate_policy(policy).items():
                untranslated_versions[language] = f"version {policy.current_version.number}: {problem}"

        policy = seed_policy(home, after_publish=translate_version)
        self.stdout.write(f"Demo policy: {policy.title}, version {policy.current_version.number}.")
        for language, problem in untranslated_versions.items():
            self.stderr.write(f"Demo policy not translated into {language} while {problem}")
        quizzes = seed_quizzes(home, policy=policy)
        self.stdout.write(f"Demo quizzes: {', '.join(quiz.title for quiz in quizzes)}.")
        conversations = seed_conversations(quizzes[0].get_parent(), policy=policy)
        self.stdout.write(f"Demo conversations: {', '.join(page.title for page in conversations)}.")
        requirements = demo.seed_progress(policy=policy, quizzes=quizzes)
        self.stdout.write(f"Demo requirements: {len(requirements)} (the policy and each quiz, for everyone).")
        for language, outcome in demo.seed_translations(home).items():
            if isinstance(outcome, int):
                self.stdout.write(f"Demo pages in {language}: {outcome}.")
            else:
                self.stderr.write(f"Demo pages not translated into {language}: {outcome}")
        seed_attempts(quizzes)
        seed_refresher_answers()
        seed_conversation_attempts(conversations)
        restricted = demo.restrict_to_signed_in(home)
        self.stdout.write(f"Sections for signed-in staff only: {restricted}.")
        if settings.DEBUG:
            self.stdout.write(f"Sign in at {settings.SITE_URL}/ with any of these, password {demo.DEMO_PASSWORD!r}:")
            for user, _ in people:
                roles = ", ".join(user.groups.filter(name__in=Role.values).values_list("name", flat=True)) or (
                    "admin" if user.is_superuser else ""
                )
                self.stdout.write(f"  {user.email:<32} {roles}")
