"""The site root: a signed-in person's training dashboard."""

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from policy_content.page_cache import cacheable

from ..routing import HOME_ATTRIBUTE, route_from

__all__ = ["HomePage"]


class HomePage(RoutablePageMixin, Page):
    """The site root: a signed-in person's training dashboard."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown to visitors who are not signed in."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["policy_content.PolicyIndexPage", "quizzes.QuizIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        setattr(request, HOME_ATTRIBUTE, self)
        if not path_components:
            return super().route(request, path_components)
        if self.live:
            try:  # the dashboard's own routes first, as RoutablePageMixin does
                match = self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(self, args=(view, args, kwargs))
        return route_from(self, request, path_components)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return cacheable(super().index_route(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from ..calendar.tokens import feed_token  # these read the models of this package
        from ..compliance.dashboard import build_dashboard

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard"] = build_dashboard(request.user, language=self.locale.language_code, request=request)
            context["calendar_url"] = settings.SITE_URL + reverse("calendar_feed", args=[feed_token(request.user)])
        return context

    @path("completion-record/", name="completion_record")
    def completion_record(self, request):
        """A printable record of everything the person has completed, once all is done."""
        # Django's auth views need the user model, which is not loaded while this module is.
        from django.contrib.auth.views import redirect_to_login

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        context = self.get_context(request)
        if not context["dashboard"].all_done:
            messages.info(request, _("Your completion record is available once every item is done."))
            return redirect(self.get_url(request))
        return self.render(request, context_overrides=context, template="training/completion_record.html")
