"""The admin screen where editors and Compliance compare any two versions of a policy, in one language."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import PolicyPage
from .version_comparison import (
    SUMMARY_ANCHOR,
    ComparisonRefused,
    compare_texts,
    policies_to_compare,
    select_versions,
)

__all__ = ["CompareVersionsButton", "VersionComparisonView", "comparison_url"]

LAYOUTS = ("redline", "side-by-side")


def comparison_url(*, policy_id: int, old: int | None = None, new: int | None = None, language: str = "") -> str:
    """The comparison screen for a policy; versions and language left out take the screen's defaults."""
    query = {"policy": policy_id, "from": old, "to": new, "language": language}
    return reverse("policy_version_compare") + "?" + urlencode({k: v for k, v in query.items() if v})


class CompareVersionsButton(PageMenuItem):
    """In a policy's header menu: compare its versions in the page's language."""

    label = _("Compare versions")
    icon_name = "history"

    def is_shown(self, user):
        if self.page.specific_class is not PolicyPage:
            return False
        return user.has_perm("policy_content.view_frozentext") or self.page.permissions_for_user(user).can_edit()

    @property
    def url(self):
        source = self.page.specific.source_page
        return comparison_url(policy_id=source.pk, language=self.page.locale.language_code)


class VersionComparisonView(WagtailAdminTemplateMixin, TemplateView):
    """Pick a policy, a language and two version numbers; see their frozen texts' differences.

    Registered behind `forbidden_unless(may_compare_any)`: editors and Compliance only, others get a 403.
    """

    page_title = _("Compare policy versions")
    header_icon = "history"
    template_name = "policy_content/admin/compare_versions.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def _policy(self, policies: list[PolicyPage]) -> PolicyPage | None:
        wanted = self.request.GET.get("policy", "")
        if not wanted:
            return policies[0] if policies else None
        if not wanted.isdigit():
            raise ComparisonRefused(str(_("Choose a policy from the list.")), status=400)
        policy = next((policy for policy in policies if policy.pk == int(wanted)), None)
        if policy is None:
            raise ComparisonRefused(str(_("There is no policy with these versions for you to compare.")), status=400)
        return policy

    def get(self, request, *args, **kwargs):
        params = request.GET
        policies = list(policies_to_compare(request.user).order_by("title").only("pk", "title"))
        context = {"policies": policies, "policy": None, "versions": [], "selection": None}
        status = 200
        try:
            policy = context["policy"] = self._policy(policies)
            if policy is not None:
                self.page_subtitle = policy.title
                selection = context["selection"] = select_versions(
                    policy=policy,
                    old=params.get("from", ""),
                    new=params.get("to", ""),
                    language=params.get("language", ""),
                    preferred_language=get_language(),
                )
                context.update(versions=selection.versions, language=selection.language)
                if selection.old is not None:
                    context["sections"] = compare_texts(selection.old, selection.new)
                    context.update(self._layout_urls(selection))
        except ComparisonRefused as refusal:
            context["error"] = refusal.message
            # Defaults that find nothing to compare are not a bad request: only what was asked for is.
            asked = any(params.get(name) for name in ("policy", "from", "to", "language"))
            status = refusal.status if asked else 200
            if context["policy"] is not None:
                context["versions"] = list(context["policy"].versions.order_by("-number"))
        context.setdefault("language", params.get("language") or get_language())
        layout = params.get("layout") if params.get("layout") in LAYOUTS else LAYOUTS[0]
        languages = [(code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES]
        context = self.get_context_data(**context, layout=layout, languages=languages, summary_anchor=SUMMARY_ANCHOR)
        return self.render_to_response(context, status=status)

    def _layout_urls(self, selection) -> dict[str, str]:
        base = comparison_url(
            policy_id=selection.policy.pk,
            old=selection.old.version.number,
            new=selection.new.version.number,
            language=selection.language,
        )
        return {"redline_url": f"{base}&layout=redline", "side_by_side_url": f"{base}&layout=side-by-side"}
