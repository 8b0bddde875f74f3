"""Provisioning clients in the admin: administrators only; a new client's token is shown once, then never."""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import ScimClient
from .tokens import issue_token

__all__ = ["AdministratorsOnlyPolicy", "ScimClientViewSet"]


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    """Whoever holds a token can create and deactivate people: only superusers manage them."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return self.user_model.objects.filter(is_active=True, is_superuser=True)


register_permission_policy(ScimClient, AdministratorsOnlyPolicy(ScimClient))


class ScimClientCreateView(CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.token = issue_token(instance)
        instance.save()
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance

    def form_valid(self, form):
        """Show the token on the page after saving, instead of redirecting: it is never shown again."""
        self.form = form
        self.object = self.save_instance()
        response = TemplateResponse(
            self.request,
            "training/admin/scim_client_token.html",
            {"client": self.object, "token": self.token, "index_url": self.get_success_url()},
        )
        add_never_cache_headers(response)
        return response


class ScimClientViewSet(ModelViewSet):
    model = ScimClient
    icon = "key"
    menu_label = _("Provisioning clients")
    add_view_class = ScimClientCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name"]
    form_fields = ["name", "revoked"]
    add_panels = [FieldPanel("name")]
    edit_panels = [FieldPanel("name"), FieldPanel("revoked")]
