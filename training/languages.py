"""Language codes as people read them."""

from django.utils.translation import get_language_info

__all__ = ["language_name"]


def language_name(code: str) -> str:
    """The language's name in the active language ("Greek", "Griego"); the code itself when unknown."""
    if not code:
        return ""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
