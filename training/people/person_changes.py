"""Changes to a person's name, team and roles, logged with before and after from whatever path makes them.

The user admin, People, an import and a SCIM client all save the same model, so the log is kept at
the model's signals; Wagtail's admin views name the signed-in admin through their log context.
"""

from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from policy_content.audit_log import listed, register_audit_action

from ..models import User

__all__ = ["RENAME_ACTION", "ROLES_ACTION", "TEAM_ACTION", "log_name_change"]

RENAME_ACTION = "training.name_change"
TEAM_ACTION = "training.team_change"
ROLES_ACTION = "training.roles_change"
WATCHED_FIELDS = {"name", "team", "team_id"}


def log_name_change(person: User, *, before: str, after: str, by: User | None = None) -> None:
    """Record in Wagtail's log that a person's name changed, with both names (by whom: the admin's user)."""
    log(instance=person, action=RENAME_ACTION, user=by, data={"before": before, "after": after})


def _team(team_id, team_name) -> dict | None:
    return {"id": team_id, "name": team_name} if team_id is not None else None


@receiver(pre_save, sender=User)
def remember_the_stored_record(sender, instance: User, raw=False, update_fields=None, **kwargs):
    """One query for the name and team as stored, when the save may change either."""
    if raw or instance.pk is None or (update_fields is not None and not WATCHED_FIELDS & set(update_fields)):
        return
    stored = User.objects.filter(pk=instance.pk).values_list("name", "team_id", "team__name").first()
    if stored is not None:
        instance._stored_record = stored


@receiver(post_save, sender=User)
def log_a_changed_name_or_team(sender, instance: User, raw=False, created=False, **kwargs):
    stored = instance.__dict__.pop("_stored_record", None)
    if raw or created or stored is None:
        return
    name, team_id, team_name = stored
    if name != instance.name:
        log_name_change(instance, before=name, after=instance.name)
    if team_id != instance.team_id:
        after = _team(instance.team_id, str(instance.team) if instance.team_id else None)
        log(instance=instance, action=TEAM_ACTION, data={"before": _team(team_id, team_name), "after": after})


def _role_names(people) -> dict[int, list[str]]:
    names = {pk: [] for pk in people}
    memberships = User.groups.through.objects.filter(user_id__in=names).values_list("user_id", "group__name")
    for person, group in memberships.order_by("group__name"):
        names[person].append(group)
    return names


def _people_concerned(instance, reverse: bool, pk_set) -> list[int]:
    if isinstance(instance, User):
        return [instance.pk]
    if pk_set is not None:
        return sorted(pk_set)
    return list(instance.user_set.values_list("pk", flat=True))


@receiver(m2m_changed, sender=User.groups.through)
def log_changed_roles(sender, instance, action, reverse, pk_set, **kwargs):
    """A person's roles (their groups) before and after any add, remove or clear, from either side."""
    # A stack: a change can cause another inside it (a translator's language groups follow their role).
    pending = instance.__dict__.setdefault("_roles_before", [])
    if action.startswith("pre_"):
        pending.append(_role_names(_people_concerned(instance, reverse, pk_set)))
        return
    before = pending.pop() if pending else None
    if not before:
        return
    after = _role_names(before)
    changed = [pk for pk in before if before[pk] != after[pk]]
    people = [instance] if isinstance(instance, User) else User.objects.filter(pk__in=changed).order_by("pk")
    for person in people:
        if person.pk in changed:
            log(instance=person, action=ROLES_ACTION, data={"before": before[person.pk], "after": after[person.pk]})


def _team_values(data):
    return {
        "before": (data.get("before") or {}).get("name") or "—",
        "after": (data.get("after") or {}).get("name") or "—",
    }


def _roles_values(data):
    return {"before": listed(data.get("before")), "after": listed(data.get("after"))}


register_audit_action(
    RENAME_ACTION, label=_("Change of name"), message=_("Name changed from “%(before)s” to “%(after)s”")
)
register_audit_action(
    TEAM_ACTION, label=_("Change of team"), message=_("Team changed from %(before)s to %(after)s"), values=_team_values
)
register_audit_action(
    ROLES_ACTION,
    label=_("Change of roles"),
    message=_("Roles changed from %(before)s to %(after)s"),
    values=_roles_values,
)
