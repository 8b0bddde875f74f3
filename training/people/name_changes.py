"""A person's full name is what their typed signature is checked against: every change to it is logged."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter, log

from ..models import User

RENAME_ACTION = "training.name_change"


def log_name_change(person: User, *, before: str, after: str, by: User | None = None) -> None:
    """Record in Wagtail's log that a person's name changed, with both names (by whom: the admin's user)."""
    log(instance=person, action=RENAME_ACTION, user=by, data={"before": before, "after": after})


@receiver(pre_save, sender=User)
def remember_the_stored_name(sender, instance: User, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "name" not in update_fields):
        return
    instance._stored_name = User.objects.filter(pk=instance.pk).values_list("name", flat=True).first()


@receiver(post_save, sender=User)
def log_a_changed_name(sender, instance: User, raw=False, created=False, **kwargs):
    """Whoever saves a new name (the user admin, People, an import) leaves a log entry; Wagtail's admin
    views name the signed-in admin through their log context."""
    before = instance.__dict__.pop("_stored_name", None)
    if raw or created or before is None or before == instance.name:
        return
    log_name_change(instance, before=before, after=instance.name)


class NameChangeFormatter(LogFormatter):
    label = _("Change of name")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Name changed from “%(before)s” to “%(after)s”") % {
            "before": data.get("before", ""),
            "after": data.get("after", ""),
        }


@hooks.register("register_log_actions")
def register_name_change_action(actions):
    actions.register_action(RENAME_ACTION)(NameChangeFormatter)
