"""A SCIM Group read from a directory group and written to one; membership changes map onto teams and roles."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from scim2_models import InvalidValueException, Meta

from ..models import DirectoryGroup, User
from ..people.importing import Change
from . import audit
from .group_mapping import join, leave
from .people import Locate, visible_people
from .resources import Group as GroupResource
from .resources import GroupMember

__all__ = ["delete_group", "group_resource", "groups", "write_group"]


def groups() -> QuerySet:
    return DirectoryGroup.objects.prefetch_related(
        Prefetch("members", queryset=User.objects.filter(scim_account__removed_at__isnull=True).order_by("pk"))
    ).order_by("pk")


def group_resource(group: DirectoryGroup, *, locate: Locate) -> GroupResource:
    members = [
        GroupMember(value=str(person.pk), ref=locate("Users", person.pk), type="User") for person in group.members.all()
    ]
    return GroupResource(
        id=str(group.pk),
        external_id=group.external_id or None,
        display_name=group.display_name,
        members=members or None,
        meta=Meta(
            resource_type="Group",
            created=group.created_at,
            last_modified=group.updated_at,
            location=locate("Groups", group.pk),
        ),
    )


def _member_ids(resource: GroupResource) -> set[int]:
    ids = set()
    for member in resource.members or []:
        value = (member.value or "").strip()
        if not value.isdigit():
            raise InvalidValueException(detail=f"Unknown member {member.value!r}.")
        ids.add(int(value))
    found = set(visible_people().filter(pk__in=ids).values_list("pk", flat=True))
    if found != ids:
        raise InvalidValueException(detail="Members must be people: " + ", ".join(map(str, sorted(ids - found))))
    return ids


def _regroup(person: User, *, left: str | None, joined: str | None) -> list[Change]:
    changes = []
    remaining = list(person.directory_groups.values_list("display_name", flat=True))
    if left is not None:
        changes += leave(person, left, remaining=remaining)
    if joined is not None:
        changes += join(person, joined)
    return changes


def write_group(resource: GroupResource, *, group: DirectoryGroup | None, client) -> DirectoryGroup:
    """Create (group None) or replace a directory group; members joining or leaving get its team or role."""
    display_name = (resource.display_name or "").strip()
    if not display_name:
        raise InvalidValueException(detail="A group needs a displayName.")
    wanted = _member_ids(resource)
    with transaction.atomic():
        created = group is None
        group = group or DirectoryGroup()
        old_name = group.display_name
        old_members = set(group.members.values_list("pk", flat=True)) if group.pk else set()
        group.display_name = display_name[:254]
        group.external_id = resource.external_id or ""
        group.save()
        renamed = not created and old_name != group.display_name
        group.members.set(wanted)
        people = User.objects.select_related("team").in_bulk(old_members | wanted)
        for pk, person in people.items():
            left = old_name if pk in old_members and (renamed or pk not in wanted) else None
            joined = group.display_name if pk in wanted and (renamed or pk not in old_members) else None
            person_changes = _regroup(person, left=left, joined=joined)
            if person_changes:
                audit.log_change(person, action=audit.UPDATE_ACTION, client=client, changes=person_changes)
        changes = []
        if old_name != group.display_name:
            changes.append(Change("name", old_name, group.display_name))
        if old_members != wanted:
            changes.append(
                Change("members", ", ".join(map(str, sorted(old_members))), ", ".join(map(str, sorted(wanted))))
            )
        if changes:
            audit.log_change(group, action=audit.GROUP_ACTION, client=client, changes=changes)
    return group


def delete_group(group: DirectoryGroup, *, client) -> None:
    """Everyone leaves the group (losing the team or role it gave), then it goes; the people stay."""
    with transaction.atomic():
        members = list(group.members.select_related("team"))
        group.members.clear()
        for person in members:
            person_changes = _regroup(person, left=group.display_name, joined=None)
            if person_changes:
                audit.log_change(person, action=audit.UPDATE_ACTION, client=client, changes=person_changes)
        audit.log_change(
            group,
            action=audit.GROUP_ACTION,
            client=client,
            changes=[Change("name", group.display_name, "")],
        )
        group.delete()
