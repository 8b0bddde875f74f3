"""The readers' search page."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .results import MAX_QUERY_LENGTH, search_site


@require_GET
def search(request):
    """Results for ?q= in the reader's language; a query too long is refused with 400 and says why."""
    outcome = search_site(query=request.GET.get("q", ""), request=request, language=get_language())
    context = {"outcome": outcome, "search_query": outcome.query, "search_max_length": MAX_QUERY_LENGTH}
    status = 400 if outcome.problem == "too_long" else 200
    return TemplateResponse(request, "training/search.html", context, status=status)
