"""Benchmark data: thousands of people in teams, with the acknowledgements and quiz attempts the product records.

Built on the demo (policy versions, quizzes, requirements). People are written in bulk, with what
saving each one would add (verified e-mail address, admin profile, role, search entry); quiz
snapshots are drawn and scored by the quiz rules, acknowledgements carry the statement of the
page read. Everything is made in one transaction and is reproducible from `seed`.
"""

import datetime
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone, translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends
from wagtail.users.models import UserProfile

from policy_content.acknowledgements import statement_for
from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
from policy_content.page_cache import content_changed
from quizzes.attempts import bank_of, snapshot_for
from quizzes.choices import QuestionType
from quizzes.drawing import draw_snapshot
from quizzes.models import QuizAttempt, QuizPage, sections_served
from quizzes.scoring import score_attempt
from training.choices import ItemKind, Language, Role
from training.compliance.loader import load_requirements
from training.models import Team, User

from .seed import DEMO_PASSWORD

__all__ = ["EMAIL_DOMAIN", "ScaleDataError", "ScaleResult", "generate_scale_data"]

EMAIL_DOMAIN = "staff.example.com"
BATCH = 500

NAMES = {
    "en": (
        "James Oliver Harry George Jack Noah Thomas William Emily Olivia Amelia Isla Ava Grace Sophie Chloe",
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Evans Walker Wright Thompson Hughes Green",
    ),
    "es": (
        "Lucía Martín Sofía Hugo Paula Daniel María Pablo Carmen Alejandro Elena Javier Marta Álvaro Inés Sergio",
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez Ruiz Díaz Muñoz Álvarez",
    ),
    "pt": (
        "João Maria Beatriz Tiago Ana Rodrigo Inês Francisco Mariana Gonçalo Leonor Duarte Matilde André Sofia",
        "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Gonçalves Gomes Lopes",
    ),
    "el": (
        "Γιώργος Μαρία Νίκος Ελένη Κώστας Κατερίνα Δημήτρης Σοφία Γιάννης Αναστασία Παναγιώτης Δέσποινα Χρήστος",
        "Παπαδόπουλος Παπαδάκη Γεωργίου Νικολάου Οικονόμου Αντωνίου Μακρή Δημητρίου Ιωάννου Βασιλείου Κωνσταντίνου",
    ),
}
GREEK_LATIN = dict(
    zip("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(), strict=True)
)
LANGUAGE_WEIGHTS = {"en": 40, "es": 25, "pt": 20, "el": 15}
TEAMS = (
    ("Contact centre", ("Support agent", "Senior support agent", "Team leader")),
    ("Front desk", ("Receptionist", "Guest services agent")),
    ("Complaints", ("Complaints handler", "Case officer")),
    ("Social media", ("Community agent", "Social media agent")),
)
CITIES = ("Leeds", "Madrid", "Lisbon", "Athens", "Porto", "Seville")
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
)


class ScaleDataError(Exception):
    """The data cannot be generated here; the message says why."""


@dataclass(frozen=True)
class ScaleResult:
    people: int
    teams: int
    acknowledgements: int
    attempts: int
    submitted: int
    passed: int


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(GREEK_LATIN.get(char, char) for char in plain if char.isalnum() and not unicodedata.combining(char))


def _translations(page: Page) -> dict[str, Page]:
    """The live page each language reads: its translation where there is one, else the source page."""
    pages = {page.locale.language_code: page}
    for translated in page.get_translations().live().specific().select_related("locale"):
        pages[translated.locale.language_code] = translated
    return {code: pages.get(code, page) for code in Language.values}


@dataclass
class _Quiz:
    rules: QuizPage
    active_from: datetime.date
    pages: dict[str, QuizPage]
    banks: dict[str, tuple[list, str]]


def _quiz(requirement) -> _Quiz:
    rules = QuizPage.objects.get(pk=requirement.page_id)
    pages = _translations(rules)
    banks = {}
    for code, page in pages.items():
        policy_url = snapshot_for(page, rng=random.Random(0))["policy_url"]
        banks[code] = (bank_of(page), policy_url)
    return _Quiz(rules, requirement.active_from, pages, banks)


def _answer(question: dict, *, right: bool, rng: random.Random) -> list[str]:
    """The answer a person gives: right, or a plausible mistake."""
    if question["type"] == QuestionType.ORDERING:
        order = list(question["correct_order"])
        if not right and len(order) > 1:
            index = rng.randrange(len(order) - 1)
            order[index], order[index + 1] = order[index + 1], order[index]
        return order
    correct = [option["id"] for option in question["choices"] if option["correct"]]
    wrong = [option["id"] for option in question["choices"] if not option["correct"]]
    if right or not wrong:
        return correct
    if question["type"] == QuestionType.SINGLE:
        return [rng.choice(wrong)]
    picked = [*correct[:-1], rng.choice(wrong)] if rng.random() < 0.5 else correct[:-1] or [rng.choice(wrong)]
    return picked


class _Generator:
    def __init__(self, *, seed: int, today: datetime.date, now: datetime.datetime):
        self.rng = random.Random(seed)
        self.today, self.now = today, now
        requirements = load_requirements()
        policies = [r for r in requirements if r.kind == ItemKind.POLICY]
        quizzes = [r for r in requirements if r.kind == ItemKind.QUIZ]
        if not policies or not quizzes:
            raise ScaleDataError("No policy and quiz requirements: run `manage.py seed_demo` first.")
        self.policies = []
        for requirement in policies:
            source = PolicyPage.objects.get(pk=requirement.page_id)
            versions = list(PolicyVersion.objects.filter(policy=source).order_by("number"))
            self.policies.append((_translations(source), versions))
        self.quizzes = [_quiz(requirement) for requirement in quizzes]
        self.statements: dict[tuple[int, str], str] = {}

    def person(self, index: int, team: Team, titles: tuple[str, ...], *, manager: bool) -> User:
        rng = self.rng
        language = rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]
        first_names, last_names = (names.split() for names in NAMES[language])
        first, last = rng.choice(first_names), rng.choice(last_names)
        if language in ("es", "pt") and rng.random() < 0.5:
            last = f"{last} {rng.choice(last_names)}"
        days = rng.randrange(1, 90) if rng.random() < 0.08 else rng.randrange(90, 12 * 365)
        user = User(
            email=f"{_ascii(first)}.{_ascii(last.split()[0])}.{index:05d}@{EMAIL_DOMAIN}",
            name=f"{first} {last}",
            team=team,
            job_title=titles[-1] if manager else rng.choice(titles[:-1] or titles),
            start_date=self.today - datetime.timedelta(days=days),
            preferred_language=language,
        )
        if manager:
            user.job_title = f"{team.name} manager"
        return user

    def _moment(self, earliest: datetime.datetime, latest: datetime.datetime, *, spread_days: int) -> datetime.datetime:
        span = min((latest - earliest).total_seconds(), spread_days * 86400)
        return earliest + datetime.timedelta(seconds=self.rng.uniform(0, max(span, 0)))

    def acknowledgements(self, user: User) -> list[Acknowledgement]:
        started = timezone.make_aware(datetime.datetime.combine(user.start_date, datetime.time(9)))
        records = []
        for pages, versions in self.policies:
            for position, version in enumerate(versions):
                current = position == len(versions) - 1
                closes = self.now if current else versions[position + 1].published_at
                opens = max(version.published_at, started)
                if opens >= closes or self.rng.random() >= (0.6 if current else 0.85):
                    continue
                page = pages[user.preferred_language]
                language = page.locale.language_code
                key = (version.pk, language)
                if key not in self.statements:
                    with translation.override(language):
                        self.statements[key] = statement_for(page=page, version=version)
                records.append(
                    Acknowledgement(
                        user=user,
                        version=version,
                        acknowledged_at=self._moment(opens, closes, spread_days=30),
                        language=language,
                        statement=self.statements[key],
                        typed_name=" ".join(user.name.split()),
                        ip_address=f"10.{user.team_id % 250}.{self.rng.randrange(256)}.{self.rng.randrange(1, 255)}",
                        user_agent=self.rng.choice(USER_AGENTS),
                    )
                )
        return records

    def attempts(self, user: User) -> list[QuizAttempt]:
        rng = self.rng
        skill = rng.uniform(0.25, 0.85)
        records = []
        for quiz in self.quizzes:
            if rng.random() < 0.07:
                continue
            page = quiz.pages[user.preferred_language]
            language = page.locale.language_code
            bank, policy_url = quiz.banks[user.preferred_language]
            opens = timezone.make_aware(
                datetime.datetime.combine(max(user.start_date, quiz.active_from), datetime.time(8))
            )
            moment = self._moment(opens, self.now - datetime.timedelta(hours=2), spread_days=40)
            limit = quiz.rules.attempts_allowed or 6
            for number in range(limit):
                snapshot = draw_snapshot(
                    bank,
                    count=quiz.rules.questions_per_attempt,
                    pass_mark=quiz.rules.pass_mark,
                    shuffle_questions=quiz.rules.shuffle_questions,
                    shuffle_choices=quiz.rules.shuffle_choices,
                    policy_url=policy_url,
                    rng=rng,
                )
                attempt = QuizAttempt(
                    user=user,
                    quiz=quiz.rules,
                    revision_id=page.live_revision_id,
                    language=language,
                    snapshot=snapshot,
                    sections=sections_served(snapshot),
                    started_at=moment,
                )
                records.append(attempt)
                if rng.random() < 0.02:
                    break  # left in progress
                answers = {q["id"]: _answer(q, right=rng.random() < skill, rng=rng) for q in snapshot["questions"]}
                score = score_attempt(snapshot, answers)
                attempt.answers = answers
                attempt.results = [result.as_json() for result in score.questions]
                attempt.score = round(float(score.score), 2)
                attempt.max_score = score.max_score
                attempt.percent = score.percent
                attempt.passed = score.passed
                attempt.submitted_at = min(moment + datetime.timedelta(minutes=rng.uniform(3, 20)), self.now)
                if score.passed or (number and rng.random() < 0.1):
                    break
                moment = min(attempt.submitted_at + datetime.timedelta(hours=rng.uniform(0.2, 72)), self.now)
                skill = min(skill + 0.03, 0.95)
        return records


def _team_plan(people: int, teams: int) -> list[tuple[str, tuple[str, ...]]]:
    names = [(f"{kind} {city}", titles) for city in CITIES for kind, titles in TEAMS]
    return names[: max(1, min(teams, people // 5, len(names)))]


def _add_people(users: list[User], *, groups: list[Group]) -> list[User]:
    """Write people as saving each one would: address, admin profile, roles and search entry alongside."""
    users = User.objects.bulk_create(users, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users], batch_size=BATCH
    )
    UserProfile.objects.bulk_create(
        [UserProfile(user=user, preferred_language=user.preferred_language) for user in users], batch_size=BATCH
    )
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=user.pk, group_id=group.pk) for user in users for group in groups], batch_size=BATCH
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(User, users)
    return users


def generate_scale_data(
    *, people: int, seed: int = 1, teams: int = 20, today: datetime.date | None = None
) -> ScaleResult:
    """Add `people` people in up to `teams` teams, each team with a manager, and their training records."""
    if people < 1:
        raise ScaleDataError("The number of people must be at least 1.")
    if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        raise ScaleDataError(f"People at {EMAIL_DOMAIN} already exist: generate scale data on a fresh database.")
    if not Locale.objects.exists():
        raise ScaleDataError("No locales: run `manage.py migrate` and `manage.py seed_demo` first.")
    now = timezone.now()
    generator = _Generator(seed=seed, today=today or timezone.localdate(), now=now)
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    counts: Counter = Counter()
    with transaction.atomic():
        plan = _team_plan(people, teams)
        team_rows = []
        for name, titles in plan:
            team = Team.objects.create(name=name)
            manager = generator.person(len(team_rows), team, titles, manager=True)
            manager.set_password(DEMO_PASSWORD)
            manager.save()
            manager.groups.add(groups[Role.MANAGER], groups[Role.EMPLOYEE])
            team.managers.add(manager)
            team_rows.append((team, titles, manager))
        members = [manager for _team, _titles, manager in team_rows]
        for start in range(len(team_rows), people, BATCH):
            batch = []
            for index in range(start, min(start + BATCH, people)):
                team, titles, _manager = team_rows[index % len(team_rows)]
                user = generator.person(index, team, titles, manager=False)
                user.set_unusable_password()
                batch.append(user)
            members += _add_people(batch, groups=[groups[Role.EMPLOYEE]])
        for start in range(0, len(members), BATCH):
            acknowledgements, attempts = [], []
            for user in members[start : start + BATCH]:
                acknowledgements += generator.acknowledgements(user)
                attempts += generator.attempts(user)
            Acknowledgement.objects.bulk_create(acknowledgements, batch_size=BATCH)
            QuizAttempt.objects.bulk_create(attempts, batch_size=BATCH)
            counts["acknowledgements"] += len(acknowledgements)
            counts["attempts"] += len(attempts)
            counts["submitted"] += sum(1 for attempt in attempts if attempt.submitted_at)
            counts["passed"] += sum(1 for attempt in attempts if attempt.passed)
    content_changed()  # bulk writes send no signals: no page cached before them may be served
    # Fresh planner statistics, as after any bulk load: SQLite never gathers them itself, and without
    # them picks the quiz index over the person one for the standings' queries (seconds per export).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return ScaleResult(people=len(members), teams=len(team_rows), **counts)
