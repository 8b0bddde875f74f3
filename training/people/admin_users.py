"""Wagtail's user screens for a model with one `name` field and profile fields instead of first/last names."""

from wagtail.admin.views.account import AccountView as WagtailAccountView
from wagtail.admin.views.account import NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from ..translators.language_groups import PREFIX as LANGUAGE_GROUP_PREFIX
from .translated_names import JobTitleTranslationsForm, TranslatorLanguagesForm

PROFILE_FIELDS = ["name", "team", "job_title", "start_date", "preferred_language", "translation_languages"]


class RolesOnly:
    """The roles to tick; each language's translator group follows from the role and the languages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            groups = self.fields["groups"]
            groups.queryset = groups.queryset.exclude(name__startswith=LANGUAGE_GROUP_PREFIX)


class PersonCreationForm(RolesOnly, JobTitleTranslationsForm, TranslatorLanguagesForm, UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = {"email", "is_superuser", "groups", *PROFILE_FIELDS}


class PersonEditForm(RolesOnly, JobTitleTranslationsForm, TranslatorLanguagesForm, UserEditForm):
    first_name = None
    last_name = None

    def __init__(self, *args, editing_self=False, **kwargs):
        super().__init__(*args, editing_self=editing_self, **kwargs)
        if editing_self:
            # The typed signature on an acknowledgement is checked against this name.
            self.fields["name"].disabled = True

    class Meta(UserEditForm.Meta):
        fields = {"email", "is_active", "is_superuser", "groups", *PROFILE_FIELDS}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm


class AccountView(WagtailAccountView):
    """The admin account page without the name panel: nobody changes their own name."""

    # Acknowledgements check the typed signature against this name; only an administrator
    # changes it (user admin or import), and training.people.person_changes logs each change.

    def get_panels(self):
        return [panel for panel in super().get_panels() if not isinstance(panel, NameEmailSettingsPanel)]
