"""Who may do what with policies and their records in the admin: evidence read-only, questions answer-only, policies published by approvers."""

from django.contrib.auth import get_user_model
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["AnswerOnlyPermissionPolicy", "PolicyPermissionTester", "ReadOnlyPermissionPolicy"]

WRITE_ACTIONS = {"add", "change", "delete"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Evidence: people with the view permission may look; nobody, not even a superuser, may write."""

    def user_has_permission(self, user, action):
        if action in WRITE_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action not in WRITE_ACTIONS]
        if not readable:
            return get_user_model().objects.none()
        return super().users_with_any_permission(readable)


class AnswerOnlyPermissionPolicy(ModelPermissionPolicy):
    """Readers' questions: asked only on the policy page, never made up or removed in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in {"add", "delete"}]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class PolicyPermissionTester(PagePermissionTester):
    """While a policy is under an approval workflow, only its approvers publish, unpublish, move or delete it."""

    def can_publish(self):
        from .workflow import may_publish_directly

        return super().can_publish() and may_publish_directly(self.user, self.page)

    def can_publish_subpage(self):
        from .workflow import may_publish_directly

        return super().can_publish_subpage() and may_publish_directly(self.user, self.page)

    # Unpublishing, moving or deleting takes a policy out of everyone's training: approvers only.
    def can_unpublish(self):
        from .workflow import may_publish_directly

        return super().can_unpublish() and may_publish_directly(self.user, self.page)

    def can_delete(self, ignore_bulk=False):
        from .workflow import may_publish_directly

        return super().can_delete(ignore_bulk=ignore_bulk) and may_publish_directly(self.user, self.page)
