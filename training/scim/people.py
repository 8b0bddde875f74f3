"""A SCIM User read from a person, and written to one through the people import's own rules.

E-mail, name, job title and team go through the import's checks and plan (`check_records`,
`plan_people`, `apply_plan`): the same validation, the same team matching, the Employees role for
new people. `active` false, or a DELETE, deactivates: nobody is ever deleted, and every record stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from scim2_models import ConflictException, InvalidValueException, Meta, UniquenessException

from ..models import DirectoryGroup, ScimAccount, User
from ..people.importing import Change, apply_plan, plan_people
from ..people.people_file import check_records
from . import audit
from .resources import Department, Email, GroupMembership, Name
from .resources import User as UserResource

__all__ = ["PersonWrite", "person_resource", "remove_person", "visible_people", "write_person"]

Locate = Callable[[str, int], str]


def visible_people() -> QuerySet:
    """Everyone the identity provider can see: all people but those it deleted."""
    return (
        User.objects.exclude(scim_account__removed_at__isnull=False)
        .select_related("team", "scim_account")
        .prefetch_related(Prefetch("directory_groups", queryset=DirectoryGroup.objects.order_by("pk")))
        .order_by("pk")
    )


def _account(person: User) -> ScimAccount | None:
    try:
        return person.scim_account
    except ScimAccount.DoesNotExist:
        return None


def person_resource(person: User, *, locate: Locate) -> UserResource:
    account = _account(person)
    name = Name(
        formatted=person.name if account is None or account.formatted_name else None,
        given_name=(account.given_name if account else "") or None,
        family_name=(account.family_name if account else "") or None,
    )
    resource = UserResource(
        id=str(person.pk),
        external_id=(account.external_id if account else "") or None,
        user_name=account.user_name if account else person.email,
        name=name if (name.formatted or name.given_name or name.family_name) else None,
        title=person.job_title or None,
        active=person.is_active if account is None or account.active_assigned else None,
        emails=[Email(value=person.email)],
        groups=[
            GroupMembership(value=str(group.pk), ref=locate("Groups", group.pk), display=group.display_name)
            for group in person.directory_groups.all()
        ]
        or None,
        meta=Meta(
            resource_type="User",
            created=person.date_joined,
            last_modified=account.updated_at if account else person.date_joined,
            location=locate("Users", person.pk),
        ),
    )
    department = account.department if account else ""
    if department:
        resource[Department] = Department(department=department)
    return resource


def _email(resource: UserResource) -> str:
    emails = resource.emails or []
    # One address is kept: the one marked primary, else the first.
    chosen = next((e for e in emails if e.unknown_attributes.get("primary") is True), emails[0] if emails else None)
    if chosen is None or not chosen.value:
        raise InvalidValueException(detail="A person needs an e-mail address (emails).")
    return str(chosen.value).strip().lower()


@dataclass(frozen=True)
class PersonWrite:
    person: User
    created: bool


def _owner_conflicts(resource: UserResource, *, email: str, person: User | None) -> User | None:
    """The person this e-mail address already names, to adopt on creation; a conflict raises."""
    user_name = (resource.user_name or "").strip()
    taken = ScimAccount.objects.filter(user_name__iexact=user_name, removed_at__isnull=True)
    owner = User.objects.filter(email=email).select_related("scim_account").first()
    if person is not None:
        if taken.exclude(person=person).exists() or (owner is not None and owner != person):
            raise UniquenessException(detail="Another person has this userName or e-mail address.")
        return person
    if owner is not None:
        account = _account(owner)
        if account is not None and account.removed_at is None:
            raise UniquenessException(detail="A person with this e-mail address is already provisioned.")
        taken = taken.exclude(person=owner)
    if taken.exists():
        raise UniquenessException(detail="Another person has this userName.")
    return owner


def write_person(resource: UserResource, *, person: User | None, client) -> PersonWrite:
    """Create (person None) or replace a person from a SCIM User; logs what changed."""
    email = _email(resource)
    name = resource.name or Name()
    parts = " ".join(part for part in (name.given_name, name.family_name) if part)
    department = (resource[Department].department or "").strip() if resource[Department] else ""
    with transaction.atomic():
        target = _owner_conflicts(resource, email=email, person=person)
        account = _account(target) if target is not None else None
        changes: list[Change] = []
        if target is not None and target.email != email:
            changes.append(Change("email", target.email, email))
            target.email = email
            target.save(update_fields=["email"])
        display_name = str(resource.unknown_attributes.get("displayName") or "").strip()
        full_name = name.formatted or parts or display_name or (target.name if target else "") or resource.user_name
        header = ["email", "name", "job_title"]
        values = [email, full_name, resource.title or ""]
        old_department = account.department if account else ""
        if department:
            header.append("team")
            values.append(department)
        elif old_department and target is not None and target.team and target.team.name == old_department:
            header.append("team")
            values.append("")
        people_file = check_records(header, [(1, values)])
        if people_file.errors:
            raise InvalidValueException(detail=people_file.errors[0].message)
        plan = plan_people(people_file)
        apply_plan(plan)
        for person_change in plan.changed:
            changes.extend(person_change.changes)
        created = target is None
        target = User.objects.select_related("team").get(email=email)
        if created:
            changes.extend(Change(field, "", str(value)) for field, value in zip(header, values, strict=True))
        account = account or ScimAccount(person=target)
        # Provisioned again after a DELETE, the person comes back active unless told otherwise.
        active = resource.active if resource.active is not None else (account.removed_at is not None or None)
        if active is not None and active != target.is_active:
            changes.append(Change("active", str(target.is_active), str(active)))
            target.is_active = active
            target.save(update_fields=["is_active"])
        if account.removed_at is not None:
            changes.append(Change("removed", "True", "False"))
        account.user_name = resource.user_name or email
        account.external_id = resource.external_id or ""
        account.given_name = name.given_name or ""
        account.family_name = name.family_name or ""
        account.formatted_name = name.formatted or ""
        account.active_assigned = resource.active is not None
        account.department = department
        account.removed_at = None
        try:
            with transaction.atomic():
                account.save()
        except IntegrityError as exc:  # the case-insensitive unique userName, taken by a simultaneous request
            raise ConflictException(detail="Another person has this userName.") from exc
        if created or changes:
            audit.log_change(
                target, action=audit.CREATE_ACTION if created else audit.UPDATE_ACTION, client=client, changes=changes
            )
    target.refresh_from_db()
    return PersonWrite(person=target, created=created)


def remove_person(person: User, *, client) -> None:
    """What a DELETE does: deactivate, hide from the identity provider, keep the person and every record."""
    with transaction.atomic():
        account = _account(person) or ScimAccount(person=person, user_name=person.email)
        account.removed_at = timezone.now()
        account.save()
        for group in list(person.directory_groups.all()):
            group.members.remove(person)
        if person.is_active:
            person.is_active = False
            person.save(update_fields=["is_active"])
        audit.log_change(person, action=audit.REMOVE_ACTION, client=client, changes=[Change("active", "True", "False")])
