from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from training import demo


class Command(BaseCommand):
    help = "Load the demo: teams, people of every role, the policy and the quizzes. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            people = demo.seed_people()
        created = sum(1 for _, was_created in people if was_created)
        self.stdout.write(f"Demo people: {created} created, {len(people) - created} already there.")
        from wagtail.models import Site

        from policy_content.demo import seed_policy

        policy = seed_policy(Site.objects.get(is_default_site=True).root_page.specific)
        self.stdout.write(f"Demo policy: {policy.title}, version {policy.current_version.number}.")
        from quizzes.demo import seed_quizzes

        quizzes = seed_quizzes(Site.objects.get(is_default_site=True).root_page.specific, policy=policy)
        self.stdout.write(f"Demo quizzes: {', '.join(quiz.title for quiz in quizzes)}.")
        requirements = demo.seed_progress(policy=policy, quizzes=quizzes)
        restricted = demo.restrict_to_signed_in(Site.objects.get(is_default_site=True).root_page)
        self.stdout.write(f"Sections for signed-in staff only: {restricted}.")
        self.stdout.write(f"Demo requirements: {len(requirements)} (the policy and each quiz, for everyone).")
        if settings.DEBUG:
            self.stdout.write(f"Sign in at {settings.SITE_URL}/ with any of these, password {demo.DEMO_PASSWORD!r}:")
            for user, _ in people:
                roles = ", ".join(user.groups.values_list("name", flat=True)) or ("admin" if user.is_superuser else "")
                self.stdout.write(f"  {user.email:<32} {roles}")
