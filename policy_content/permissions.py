"""Evidence in the admin: readable by those allowed, never writable by anyone."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["AnswerOnlyPermissionPolicy", "ReadOnlyPermissionPolicy"]

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
