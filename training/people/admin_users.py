"""Wagtail's user screens for a model with one `name` field and profile fields instead of first/last names."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import AccountView as WagtailAccountView
from wagtail.admin.views.account import BaseSettingsPanel, NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from ..models import User

PROFILE_FIELDS = ["name", "team", "job_title", "start_date", "preferred_language"]


class PersonCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = {"email", "is_superuser", "groups", *PROFILE_FIELDS}


class PersonEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = {"email", "is_active", "is_superuser", "groups", *PROFILE_FIELDS}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm


class NameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name"]
        labels = {"name": _("Full name")}


class NameSettingsPanel(BaseSettingsPanel):
    name = "name_email"
    order = 100
    title = _("Name")
    form_class = NameForm


class AccountView(WagtailAccountView):
    """The admin account page, asking for the one full name people have instead of first and last names."""

    def get_panels(self):
        return [
            NameSettingsPanel(self.request, panel.user, panel.profile)
            if isinstance(panel, NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]
