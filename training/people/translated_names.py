"""Team names and job titles in each reader's language: form fields per language, kept as one JSON per record."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..choices import Language

__all__ = [
    "TRANSLATED_LANGUAGES",
    "JobTitleTranslationsForm",
    "PersonForm",
    "TeamForm",
    "TeamNameTranslationsForm",
    "TranslatorLanguagesForm",
]

TRANSLATED_LANGUAGES = [(code, label) for code, label in Language.choices if code != Language.EN]


def _field(label, language_label: str, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=format_lazy("{} ({})", label, language_label),
        required=False,
        max_length=max_length,
        help_text=_("Leave empty to show the same text in this language."),
    )


class _TranslationsForm(forms.Form):
    """Fields `<prefix>_<language>` edit the JSON field `translations_field` of the instance."""

    translations_field = ""
    prefix_name = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        stored = getattr(instance, self.translations_field, None) or {}
        for code, _label in TRANSLATED_LANGUAGES:
            field = f"{self.prefix_name}_{code}"
            if field in self.fields and not self.is_bound:
                self.initial.setdefault(field, stored.get(code, ""))

    def translations(self) -> dict[str, str]:
        values = {}
        for code, _label in TRANSLATED_LANGUAGES:
            value = " ".join((self.cleaned_data.get(f"{self.prefix_name}_{code}") or "").split())
            if value:
                values[code] = value
        return values

    def _post_clean(self):
        super()._post_clean()
        if hasattr(self, "instance") and not self.errors:
            setattr(self.instance, self.translations_field, self.translations())


def _fields(prefix: str, label, max_length: int) -> dict[str, forms.CharField]:
    return {
        f"{prefix}_{code}": _field(label, language_label, max_length) for code, language_label in TRANSLATED_LANGUAGES
    }


TeamNameTranslationsForm = type(
    "TeamNameTranslationsForm",
    (_TranslationsForm,),
    {
        "__module__": __name__,
        "__doc__": "The team's name in each other language.",
        "translations_field": "name_translations",
        "prefix_name": "name",
        **_fields("name", _("name"), 120),
    },
)

JobTitleTranslationsForm = type(
    "JobTitleTranslationsForm",
    (_TranslationsForm,),
    {
        "__module__": __name__,
        "__doc__": "The person's job title in each other language.",
        "translations_field": "job_title_translations",
        "prefix_name": "job_title",
        **_fields("job_title", _("job title"), 120),
    },
)


class TranslatorLanguagesForm(forms.Form):
    """Which languages a translator keeps up to date (a JSON list on the person)."""

    translation_languages = forms.MultipleChoiceField(
        label=_("translates into"),
        choices=TRANSLATED_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("For translators: the languages whose policy translations they keep up to date."),
    )


class TeamForm(TeamNameTranslationsForm, WagtailAdminModelForm):
    """The team's admin form, with its name in each other language."""


class PersonForm(JobTitleTranslationsForm, TranslatorLanguagesForm, WagtailAdminModelForm):
    """The person's admin form, with the job title in each other language and their translator languages."""
