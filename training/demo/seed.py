"""Demo people and teams, made the same way every time (seed_demo is idempotent)."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from ..choices import Role
from ..models import Requirement, Team, User
from .translations import DEMO_CATALOGUES, MissingContentTranslation, load_catalogue, translate_pages

DEMO_PASSWORD = "training-demo"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    team: str
    job_title: str
    days_since_start: int
    language: str
    roles: tuple[str, ...] = (Role.EMPLOYEE,)
    manages: tuple[str, ...] = ()
    superuser: bool = False
    translates: tuple[str, ...] = ()


FRONT_DESK = "Front desk"
CONTACT_CENTRE = "Contact centre"
TEAM_NAMES = {
    FRONT_DESK: {"es": "Recepción", "pt": "Receção", "el": "Υποδοχή"},
    CONTACT_CENTRE: {"es": "Centro de contacto", "pt": "Centro de contacto", "el": "Κέντρο επικοινωνίας"},
}
JOB_TITLES = {
    "Training administrator": {
        "es": "Administrador de formación",
        "pt": "Administrador de formação",
        "el": "Διαχειριστής εκπαίδευσης",
    },
    "Policy editor": {"es": "Editora de políticas", "pt": "Editora de políticas", "el": "Συντάκτρια πολιτικών"},
    "Compliance officer": {
        "es": "Responsable de cumplimiento",
        "pt": "Responsável de conformidade",
        "el": "Υπεύθυνη συμμόρφωσης",
    },
    "Contact-centre manager": {
        "es": "Gerente del centro de contacto",
        "pt": "Gestora do centro de contacto",
        "el": "Διευθύντρια κέντρου επικοινωνίας",
    },
    "Front-desk manager": {"es": "Gerente de recepción", "pt": "Gestor da receção", "el": "Διευθυντής υποδοχής"},
    "Support agent": {"es": "Agente de atención", "pt": "Agente de apoio", "el": "Υπάλληλος εξυπηρέτησης"},
    "Receptionist": {"es": "Recepcionista", "pt": "Rececionista", "el": "Υπάλληλος υποδοχής"},
    "Translator": {"es": "Traductora", "pt": "Tradutor", "el": "Μεταφράστρια"},
}

DEMO_PEOPLE = [
    DemoPerson("admin@example.com", "Alex Admin", "", "Training administrator", 2000, "en", roles=(), superuser=True),
    DemoPerson("editor@example.com", "Priya Editor", "", "Policy editor", 900, "en", roles=(Role.EDITOR,)),
    DemoPerson("compliance@example.com", "Carmen Ruiz", "", "Compliance officer", 1200, "es", roles=(Role.COMPLIANCE,)),
    DemoPerson(
        "manager@example.com",
        "Marta Gómez",
        CONTACT_CENTRE,
        "Contact-centre manager",
        1500,
        "es",
        roles=(Role.MANAGER, Role.EMPLOYEE),
        manages=(CONTACT_CENTRE,),
    ),
    DemoPerson(
        "frontdesk.manager@example.com",
        "Daniel Reed",
        FRONT_DESK,
        "Front-desk manager",
        1100,
        "en",
        roles=(Role.MANAGER, Role.EMPLOYEE),
        manages=(FRONT_DESK,),
    ),
    DemoPerson("ana@example.com", "Ana Costa", CONTACT_CENTRE, "Support agent", 700, "pt"),
    DemoPerson("james@example.com", "James Carter", CONTACT_CENTRE, "Support agent", 400, "en"),
    DemoPerson("sofia@example.com", "Sofía Martín", FRONT_DESK, "Receptionist", 500, "es"),
    DemoPerson("nikos@example.com", "Nikos Georgiou", FRONT_DESK, "Receptionist", 300, "el"),
    DemoPerson("eleni@example.com", "Eleni Papadaki", CONTACT_CENTRE, "Support agent", 3, "el"),
    DemoPerson("tom@example.com", "Tom Baker", CONTACT_CENTRE, "Support agent", 5, "en"),
    DemoPerson("beatriz@example.com", "Beatriz Lima", FRONT_DESK, "Receptionist", 20, "pt"),
    DemoPerson(
        "translator.es@example.com",
        "Lucía Navarro",
        "",
        "Translator",
        600,
        "es",
        (Role.TRANSLATOR,),
        translates=("es",),
    ),
    DemoPerson(
        "translator.pt@example.com",
        "João Ferreira",
        "",
        "Translator",
        600,
        "pt",
        (Role.TRANSLATOR,),
        translates=("pt",),
    ),
    DemoPerson(
        "translator.el@example.com",
        "Maria Nikolaou",
        "",
        "Translator",
        600,
        "el",
        (Role.TRANSLATOR,),
        translates=("el",),
    ),
]


def seed_people(*, today: datetime.date | None = None) -> list[tuple[User, bool]]:
    """Create the demo teams and people; leave any that exist as they are."""
    today = today or timezone.localdate()
    teams = {
        name: Team.objects.get_or_create(name=name, defaults={"name_translations": TEAM_NAMES[name]})[0]
        for name in (FRONT_DESK, CONTACT_CENTRE)
    }
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    people = []
    for spec in DEMO_PEOPLE:
        user = User.objects.filter(email=spec.email).first()
        created = user is None
        if created:
            user = User(
                email=spec.email,
                name=spec.name,
                team=teams.get(spec.team),
                job_title=spec.job_title,
                job_title_translations=JOB_TITLES.get(spec.job_title, {}),
                translation_languages=list(spec.translates),
                start_date=today - datetime.timedelta(days=spec.days_since_start),
                preferred_language=spec.language,
                is_superuser=spec.superuser,
                is_staff=spec.superuser,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(*[groups[role] for role in spec.roles])
        for team_name in spec.manages:
            teams[team_name].managers.add(user)
        people.append((user, created))
    return people


# The demo quizzes whose pass expires and must be renewed.
RENEWED_YEARLY = {"closing-interactions": {"validity_months": 12}}


def seed_progress(*, policy, quizzes, today: datetime.date | None = None) -> list:
    """Require the demo policy and quizzes of everyone; leave existing requirements as they are.

    With the demo records this shows every state: Ana done; James and Nikos must re-acknowledge
    version 2 (due in about ten days); quizzes nobody passed are overdue for staff hired long ago;
    Eleni and Tom, new hires, have not started and are not yet due; Beatriz's quizzes are overdue.
    Closing interactions must be passed again every 12 months: James's pass of it has expired.
    """
    today = today or timezone.localdate()
    requirements = []
    specs = [(policy, {"new_version_due_days": 30, "sort_order": 0})]
    specs += [
        (quiz, {"sort_order": order, **RENEWED_YEARLY.get(quiz.slug, {})})
        for order, quiz in enumerate(quizzes, start=1)
    ]
    for page, extra in specs:
        requirement, _ = Requirement.objects.get_or_create(
            page=page,
            defaults={"active_from": today - datetime.timedelta(days=60), **extra},
        )
        requirements.append(requirement)
    return requirements


def restrict_to_signed_in(home_page) -> int:
    """The policies and quizzes are internal: every section under the home page, in every language, needs sign-in."""
    sections = Page.objects.filter(depth=home_page.depth + 1)
    for section in sections:
        PageViewRestriction.objects.get_or_create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return sections.count()


DEMO_LANGUAGES = ("es", "pt", "el")


def _translate_each_language(pages_for, *, languages, catalogues) -> dict[str, int | str]:
    """Translate `pages_for(locale)` into each language: how many pages, or why the language was left out."""
    outcome: dict[str, int | str] = {}
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        pages = pages_for(locale)
        try:
            if pages:
                translate_pages(pages, locale, load_catalogue((catalogues or DEMO_CATALOGUES) / f"{language}.po"))
        except (MissingContentTranslation, OSError) as problem:
            outcome[language] = str(problem)
            continue
        outcome[language] = len(pages)
    return outcome


def translate_policy(policy, *, languages=DEMO_LANGUAGES, catalogues=None) -> dict[str, str]:
    """Bring the policy's translations (and their untranslated parents) to the version it shows.

    Returns why a language was left out: the demo still works without, from seed_translations later.
    """
    ancestors = [page.specific for page in policy.get_ancestors().filter(depth__gt=1)]
    outcome = _translate_each_language(
        lambda locale: [page for page in ancestors if not page.has_translation(locale)] + [policy],
        languages=languages,
        catalogues=catalogues,
    )
    return {language: problem for language, problem in outcome.items() if isinstance(problem, str)}


def seed_translations(home_page, *, languages=DEMO_LANGUAGES, catalogues=None) -> dict[str, int | str]:
    """Translate the demo pages from the catalogues in training/demo/catalogues; pages done before are kept.

    Returns how many demo pages each language has, or why a language was left out (a catalogue
    missing texts: the English pages are still seeded, so `manage.py demo_strings` can list them).
    """
    pages = [page.specific for page in home_page.get_descendants(inclusive=True).order_by("path")]
    outcome = _translate_each_language(
        lambda locale: [page for page in pages if not page.has_translation(locale)],
        languages=languages,
        catalogues=catalogues,
    )
    return {language: len(pages) if isinstance(done, int) else done for language, done in outcome.items()}
