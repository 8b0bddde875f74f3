"""The Markdown editor's preview in the admin, rendered by the same sanitiser as the public pages."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .rendering import render_markdown

__all__ = ["MAX_PREVIEW_LENGTH", "markdown_preview"]

MAX_PREVIEW_LENGTH = 200_000


@require_POST
def markdown_preview(request):
    """Return the HTML a reader would see for the posted Markdown (`text`), never raw HTML."""
    text = request.POST.get("text", "")
    if len(text) > MAX_PREVIEW_LENGTH:
        return HttpResponseBadRequest(
            gettext("The text is too long to preview (at most %(limit)s characters).") % {"limit": MAX_PREVIEW_LENGTH}
        )
    return HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
