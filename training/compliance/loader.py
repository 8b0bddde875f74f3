"""Loading the facts the standing rules need, for any number of people, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation

from policy_content.localized import default_language_code, pages_in_language
from policy_content.models import PolicyPage, PolicyVersion
from policy_content.reader_routing import acknowledgeable_pages
from quizzes.rechecks import VERSION_FIELDS, version_facts

from ..choices import SCORED_KINDS, ItemKind
from ..models import Requirement, TrainingSettings
from .records import SCORED_RECORDS, load_rechecks, load_records, load_roles, scored_page_ids
from .rules import PersonFacts, RequirementFacts, Standing, person_standing

__all__ = [
    "PERSON_FIELDS",
    "SCORED_RECORDS",
    "STANDINGS_BATCH",
    "PeopleRecords",
    "batches",
    "iter_standings",
    "load_people_records",
    "load_requirements",
    "load_roles",
    "load_standings",
    "person_facts",
    "standing_for",
    "standings_of",
]

# People whose records are read together when many standings are computed one batch at a time.
STANDINGS_BATCH = 500


def load_requirements(
    *, settings=None, language: str | None = None, links: bool = False, request: HttpRequest | None = None
) -> list[RequirementFacts]:
    """Active requirements whose page can be completed now, with defaults filled in (7 queries).

    Pages of a kind nobody is required to complete are not queried at all (one more query when
    conversations are required as well as quizzes). Titles (and with
    `links`, URLs) are those of the pages in `language`, the active one by default: one more
    query in another language or with links. With `request`, the site's root paths the links are
    made from are read once for the request.
    With links, one or two more queries when a translation is out of
    date (its reader is sent to the source page, where they can acknowledge). One more when a
    required quiz trains a policy: that policy's versions, for re-checks.
    """
    settings = settings or TrainingSettings.load()
    language = language or translation.get_language() or default_language_code()
    requirements = list(
        Requirement.objects.active()
        .select_related("page")
        .prefetch_related("teams", "roles")
        .order_by("sort_order", "pk")
    )
    policy_ids = [r.page_id for r in requirements if r.kind == ItemKind.POLICY]
    scored_ids = scored_page_ids(requirements)
    policies: dict[int, dict] = {}
    current_versions: dict[int, dict] = {}
    if policy_ids:
        policies = {
            page["pk"]: page
            for page in PolicyPage.objects.filter(pk__in=policy_ids).values("pk", "acknowledgement_required")
        }
        current_versions = {
            version["policy_id"]: version
            for version in PolicyVersion.objects.current()
            .filter(policy_id__in=policy_ids)
            .values("pk", "policy_id", "number", "published_at")
        }
    shown = {}
    if links or language != default_language_code():
        shown = pages_in_language({r.page.translation_key for r in requirements}, language=language)
    linked = shown
    if links and current_versions:
        # A translation that does not show the version in force cannot be acknowledged: link its source.
        numbers = {
            r.page.translation_key: current_versions[r.page_id]["number"]
            for r in requirements
            if r.page_id in current_versions
        }
        linked = acknowledgeable_pages(shown, current_numbers=numbers)
    scored_pages: dict[int, dict] = {}
    for kind, ids in scored_ids.items():
        page_model = SCORED_RECORDS[kind][0]
        fields = ("pk", "attempts_allowed", "pass_mark") + (
            ("policy_id", "question_bank") if kind == ItemKind.QUIZ else ()
        )
        scored_pages.update((page["pk"], page) for page in page_model.objects.filter(pk__in=ids).values(*fields))
    versions_of = _versions_of_trained_policies(scored_pages.values())

    facts = []
    for requirement in requirements:
        extra = {}
        if requirement.kind == ItemKind.POLICY:
            policy = policies.get(requirement.page_id)
            version = current_versions.get(requirement.page_id)
            if policy is None or not policy["acknowledgement_required"] or version is None:
                continue
            extra = {
                "current_version_id": version["pk"],
                "current_version_number": version["number"],
                "current_version_published_on": timezone.localdate(version["published_at"]),
            }
        elif requirement.kind in SCORED_KINDS:
            quiz = scored_pages.get(requirement.page_id)
            if quiz is None:
                continue
            extra = {
                "attempts_allowed": quiz["attempts_allowed"] or 0,
                "pass_mark": quiz["pass_mark"],
                **_recheck_facts(quiz, versions_of),
            }
        else:
            continue
        key = requirement.page.translation_key
        facts.append(
            RequirementFacts(
                id=requirement.pk,
                page_id=requirement.page_id,
                kind=requirement.kind,
                title=shown[key].title if key in shown else requirement.page.title,
                url=(linked[key].get_url(request) or "") if links and key in linked else "",
                translation_key=requirement.page.translation_key,
                audience=requirement.audience,
                team_ids=frozenset(team.pk for team in requirement.teams.all()),
                job_titles=frozenset(title.casefold() for title in requirement.job_title_list),
                roles=frozenset(group.name for group in requirement.roles.all()),
                new_hire_due_days=(
                    requirement.new_hire_due_days
                    if requirement.new_hire_due_days is not None
                    else settings.new_hire_due_days
                ),
                new_version_due_days=(
                    requirement.new_version_due_days
                    if requirement.new_version_due_days is not None
                    else settings.new_version_due_days
                ),
                active_from=requirement.active_from,
                sort_order=requirement.sort_order,
                validity_months=(
                    requirement.validity_months if requirement.validity_months is not None else settings.validity_months
                ),
                expiry_warning_days=settings.expiry_warning_days,
                **extra,
            )
        )
    return facts


def _versions_of_trained_policies(quizzes) -> dict[int, tuple]:
    """Versions of the policies the required quizzes train, when one has more than one (one query then)."""
    policy_ids = {quiz["policy_id"] for quiz in quizzes if quiz.get("policy_id")}
    if not policy_ids:
        return {}
    by_policy: dict[int, list] = defaultdict(list)
    for row in PolicyVersion.objects.filter(policy_id__in=policy_ids).order_by("number").values(*VERSION_FIELDS):
        by_policy[row["policy_id"]].append(row)
    return {policy: tuple(version_facts(rows)) for policy, rows in by_policy.items() if len(rows) > 1}


def _recheck_facts(quiz: dict, versions_of: dict[int, tuple]) -> dict:
    """What a quiz's re-checks need: its policy's versions and the sections its bank asks about."""
    versions = versions_of.get(quiz.get("policy_id"), ())
    if not versions:
        return {}
    bank = quiz["question_bank"].raw_data
    sections = frozenset(block["value"].get("policy_section") for block in bank if block["value"].get("policy_section"))
    return {"policy_versions": versions, "bank_sections": sections}


PERSON_FIELDS = (
    "pk",
    "name",
    "email",
    "team_id",
    "start_date",
    "job_title",
    "job_title_translations",
    "preferred_language",
    "date_joined",
    "team_since",
)


def person_facts(row: dict, roles: frozenset[str] = frozenset()) -> PersonFacts:
    return PersonFacts(
        id=row["pk"],
        name=row["name"] or row["email"],
        email=row["email"],
        team_id=row["team_id"],
        start_date=row["start_date"],
        job_title=row["job_title"],
        preferred_language=row["preferred_language"],
        added_on=timezone.localdate(row["date_joined"]) if row.get("date_joined") else None,
        team_since=row.get("team_since"),
        roles=roles,
        job_title_translations=tuple(sorted((row.get("job_title_translations") or {}).items())),
    )


@dataclass(frozen=True)
class PeopleRecords:
    """What the rules read of some people, keyed by user id, then by page id."""

    acknowledgements: dict
    quizzes: dict
    rechecks: dict
    roles: dict

    def standing(self, row: dict, *, requirements: list[RequirementFacts], today: datetime.date) -> Standing:
        person = person_facts(row, self.roles.get(row["pk"], frozenset()))
        return person_standing(
            person,
            requirements,
            today=today,
            acknowledgements=self.acknowledgements.get(person.id),
            quizzes=self.quizzes.get(person.id),
            rechecks=self.rechecks.get(person.id),
        )


def load_people_records(ids, requirements: list[RequirementFacts]) -> PeopleRecords:
    """2 queries, 3 when some requirement is given to roles, one more when a required quiz's policy has
    several versions (the passes re-checks are computed from)."""
    acknowledgements, quizzes = load_records(ids, requirements)
    return PeopleRecords(acknowledgements, quizzes, load_rechecks(ids, requirements), load_roles(ids, requirements))


def standings_of(
    rows: list[dict],
    *,
    requirements: list[RequirementFacts],
    today: datetime.date,
    person_ids=None,
) -> dict[int, Standing]:
    """Standing of the people in `rows` (their PERSON_FIELDS), keyed by user id, in their order.

    The queries of `load_people_records`. `person_ids` may name the same people as a subquery; by
    default their ids are listed.
    """
    if not rows:
        return {}
    ids = person_ids if person_ids is not None else [row["pk"] for row in rows]
    records = load_people_records(ids, requirements)
    return {row["pk"]: records.standing(row, requirements=requirements, today=today) for row in rows}


def load_standings(
    people: QuerySet,
    *,
    today: datetime.date | None = None,
    requirements: list[RequirementFacts] | None = None,
) -> dict[int, Standing]:
    """Standing of every person in the queryset, keyed by user id, in a fixed number of queries.

    3 queries, plus 7 for the requirements when they are not passed in; the people are filtered
    in the database with a subquery, so the count does not grow with the number of people.
    """
    today = today or timezone.localdate()
    if requirements is None:
        requirements = load_requirements()
    rows = list(people.values(*PERSON_FIELDS))
    return standings_of(rows, requirements=requirements, today=today, person_ids=people.values("pk"))


def batches(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter), read as they are needed."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def iter_standings(
    people: QuerySet,
    *,
    requirements: list[RequirementFacts],
    today: datetime.date | None = None,
    batch_size: int = STANDINGS_BATCH,
) -> Iterator[Standing]:
    """Standing of every person in the queryset, in its order, computed `batch_size` people at a time.

    Memory holds one batch, whatever the number of people: 1 query for the people (read in chunks),
    then 2 per batch (3 when some requirement is given to roles).
    """
    today = today or timezone.localdate()
    for batch in batches(people.values(*PERSON_FIELDS).iterator(chunk_size=batch_size), batch_size):
        yield from standings_of(batch, requirements=requirements, today=today).values()


def standing_for(
    user,
    *,
    today: datetime.date | None = None,
    language: str | None = None,
    links: bool = False,
    request: HttpRequest | None = None,
) -> Standing:
    """One person's standing (the same loader, for one person); titles and links in `language`.

    The person's details are read from `user` as given, a signed-in person's from the request.
    """
    requirements = load_requirements(language=language, links=links, request=request)
    row = {field: getattr(user, field) for field in PERSON_FIELDS}
    return standings_of([row], requirements=requirements, today=today or timezone.localdate())[user.pk]
