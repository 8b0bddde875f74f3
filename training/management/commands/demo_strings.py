import polib
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from training.content_translations import DEMO_CATALOGUES, catalogue_template
from training.demo import DEMO_LANGUAGES


class Command(BaseCommand):
    help = (
        "Refresh the demo content catalogues (training/demo_translations) from the English demo pages in "
        "the database: writes demo.pot and merges it into each language's .po, keeping finished translations."
    )

    def handle(self, *args, **options):
        home = Site.objects.get(is_default_site=True).root_page
        pages = [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        if len(pages) < 2:
            raise CommandError("No demo pages found: run `manage.py seed_demo` first.")
        template = catalogue_template(pages)
        template.save(str(DEMO_CATALOGUES / "demo.pot"))
        self.stdout.write(f"demo.pot: {len(template)} texts from {len(pages)} pages.")
        for language in DEMO_LANGUAGES:
            path = DEMO_CATALOGUES / f"{language}.po"
            catalogue = polib.pofile(str(path)) if path.exists() else polib.POFile()
            catalogue.merge(template)
            catalogue.save(str(path))
            missing = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
            self.stdout.write(f"{language}.po: {len(template) - missing} of {len(template)} translated.")
