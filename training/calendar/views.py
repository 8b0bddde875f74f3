"""The calendar feed (fetched by calendar apps, without a session) and the reset of its address."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ..compliance.loader import standing_for
from .feed import feed_calendar
from .tokens import person_for_token, reset_calendar_key


@require_GET
@never_cache
def calendar_feed(request, token: str):
    """The person's due dates as iCalendar, in their language; 404 for a wrong, old or deactivated address."""
    person = person_for_token(token)
    if person is None:
        raise Http404
    with translation.override(person.preferred_language):
        standing = standing_for(person, language=person.preferred_language, links=True)
        body = feed_calendar(standing, site_url=settings.SITE_URL, domain=urlsplit(settings.SITE_URL).hostname)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="training.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@login_required
def reset_calendar(request):
    """A new secret address for the person's calendar; the old one stops working."""
    reset_calendar_key(request.user)
    messages.success(
        request,
        _("Your calendar has a new address. Subscribe to it again in your calendar app: the old one no longer works."),
    )
    return redirect(f"/{translation.get_language()}/#calendar-heading")
