from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from policy_content.columns import readable_moment
from training.languages import language_name

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: the page's translation where it has one."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.filter(name="language_name")
def language_name_filter(code):
    """`{{ record.language|language_name }}`: "Greek" rather than "el"."""
    return language_name(code)


@register.filter(name="readable_moment")
def readable_moment_filter(value):
    """Wagtail's human-readable date, but a date for the future and the far past (see policy_content.columns)."""
    return readable_moment(value)
