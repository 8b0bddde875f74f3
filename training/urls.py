from allauth import urls as allauth_urls
from allauth.account.views import LogoutView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .calendar import views as calendar_views
from .people.admin_users import AccountView
from .search import views as search_views

# The single sign-on providers' addresses (OpenID Connect callbacks, SAML's assertion consumer) are
# registered with each identity provider, so they carry no language prefix.
SSO_URLS = allauth_urls.build_provider_urlpatterns()
ACCOUNT_URLS = [pattern for pattern in allauth_urls.urlpatterns if pattern not in SSO_URLS]

urlpatterns = [
    path("accounts/", include(SSO_URLS)),
    # Wagtail's own login form would accept a password alone and bypass
    # allauth's rate limits; every sign-in goes through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    # The admin's "Log out" posts here: sign out at once, as allauth's own sign-out does.
    path("admin/logout/", LogoutView.as_view(), name="wagtailadmin_logout"),
    # Mounted ahead of Wagtail's admin URLs, so it needs the admin-access check they apply.
    path("admin/account/", require_admin_access(AccountView.as_view()), name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
    # Calendar apps fetch it without a session: the secret in the address is the credential.
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
    path("livez", views.live, name="live"),
    # Identity providers provision people here; each request carries its client's bearer token.
    path("scim/v2/", include("training.scim.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(ACCOUNT_URLS)),
    path("evidence/", include("policy_content.evidence_urls")),
    path("refreshers/", include("quizzes.refresher_urls")),
    path("search/", search_views.search, name="search"),
    path("calendar/reset/", calendar_views.reset_calendar, name="calendar_reset"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
