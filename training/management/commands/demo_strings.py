import polib
from django.core.management.base import BaseCommand, CommandError
from django.db import models
from wagtail.models import Site

from policy_content.models import PolicyVersion
from training.demo.seed import DEMO_LANGUAGES
from training.demo.translations import DEMO_CATALOGUES, catalogue_template


class Command(BaseCommand):
    help = (
        "Refresh the demo content catalogues (training/demo/catalogues) from the English demo pages in "
        "the database, with the texts of earlier policy versions (translated when they were in force): writes "
        "demo.pot and merges it into each language's .po, keeping finished translations."
    )

    def handle(self, *args, **options):
        home = Site.objects.get(is_default_site=True).root_page
        pages = [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        if len(pages) < 2:
            raise CommandError("No demo pages found: run `manage.py seed_demo` first.")
        older = PolicyVersion.objects.filter(policy_id__in=[page.pk for page in pages], revision__isnull=False).exclude(
            revision=models.F("policy__live_revision")
        )
        earlier = [version.revision.as_object() for version in older.select_related("revision").order_by("pk")]
        template = catalogue_template(pages, earlier=earlier)
        template.save(str(DEMO_CATALOGUES / "demo.pot"))
        self.stdout.write(
            f"demo.pot: {len(template)} texts from {len(pages)} pages and {len(earlier)} earlier versions."
        )
        for language in DEMO_LANGUAGES:
            path = DEMO_CATALOGUES / f"{language}.po"
            catalogue = polib.pofile(str(path)) if path.exists() else polib.POFile()
            catalogue.merge(template)
            catalogue.save(str(path))
            missing = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
            self.stdout.write(f"{language}.po: {len(template) - missing} of {len(template)} translated.")
