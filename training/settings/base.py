"""Settings shared by every environment; safe for production as they stand."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str
from .sso import providers_from_file

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "training",
    "quizzes",
    "policy_content",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmarkdown",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "training.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "training.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "training.people.mfa.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it answers from the cache only after every middleware above has checked the request.
    "policy_content.page_cache.middleware.PersonalPageCacheMiddleware",
]

ROOT_URLCONF = "training.urls"
WSGI_APPLICATION = "training.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "training.context_processors.site",
            ],
        },
    },
]

# Widget templates are looked up like any other, so templates/ can override Wagtail's (CSP).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    # An empty DATABASE_URL means the default, as an unset one does.
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people at once: writers queue (BEGIN IMMEDIATE, up to 20 s) instead of failing with
    # "database is locked", and readers never wait for a writer (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "training.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Sign-in (django-allauth): e-mail only, sign-up closed unless domains are listed.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "training.people.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "training.people.adapters.SignupForm", "login": "training.people.adapters.LoginForm"}
# Wagtail sends a signed-in person without admin access to the login page with a message;
# sending them on to ?next= again would loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_SIGNUP_DOMAINS = [d.lower() for d in env_list("SIGNUP_EMAIL_DOMAINS")]
# How many proxies in front of the application append to X-Forwarded-For; read by training.people.client_ip
# for sign-in rate limits (through the account adapter) and the address recorded with acknowledgements.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "signup": "20/m/ip",
}

# Single sign-on (allauth's OpenID Connect and SAML providers), listed in a JSON file (see README).
# A provider's address is matched to the person with that address; only the sign-up domains above
# may create an account through it (training.people.sso).
SOCIALACCOUNT_PROVIDERS = providers_from_file(env_str("SSO_PROVIDERS_FILE", ""))
SOCIALACCOUNT_ADAPTER = "training.people.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = "oidc"
SOCIALACCOUNT_STORE_TOKENS = False

# Two-factor authentication (allauth.mfa): an authenticator app with recovery codes, or passkeys.
# Superusers and the roles below must use it (training.people.mfa); it is optional for everyone else.
MFA_ADAPTER = "training.people.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Service Training"
TRAINING_MFA_REQUIRED_ROLES = env_list("TRAINING_MFA_REQUIRED_ROLES", "Managers,Policy editors,Compliance,Translators")

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pt", "Português"),
    ("el", "Ελληνικά"),
]
# The project's catalogues, then translations of Wagtail's and its companions' own messages that their
# catalogues lack (`make messages` rewrites only the first).
LOCALE_PATHS = [BASE_DIR / "training" / "locale", BASE_DIR / "training" / "locale_admin"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Training <training@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cache_table",
        # Rendered policy text shares this cache with sign-in rate limits: room for both.
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    # Rendered pages, per reader (training/page_cache): a table of their own, so pages crowding it
    # never push out the sign-in rate limits above.
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "page_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
# How long a cached page may be served while nothing it shows changes (midnight ends it anyway).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy (django-csp) on every response: scripts only from this site, or inline
# with the request's nonce. The admin also allows inline styles (training/csp.py): Wagtail and its
# editors set style attributes in their markup; a style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

# Wagtail
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAIL_SITE_NAME = _("Service Training")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# allauth owns passwords and addresses: its reset is rate limited, and a changed address must be
# confirmed there; Wagtail's account page would change either without those checks.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would ask releases.wagtail.org for a newer version: no network, and the CSP refuses it.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# PostgreSQL stems each page in its own language (training/search/backend.py); other databases match words.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "training.search.backend",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish", "pt": "portuguese", "el": "greek"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No CDN on a closed network: the Markdown editor must not fetch FontAwesome (policy_content sets its toolbar).
WAGTAILMARKDOWN = {"autodownload_fontawesome": False}

# Training rules
TRAINING_DEFAULT_DUE_DAYS = env_int("TRAINING_DEFAULT_DUE_DAYS", 14)
TRAINING_REMINDER_DAYS_AHEAD = env_int("TRAINING_REMINDER_DAYS_AHEAD", 3)
# Signing an acknowledgement needs a sign-in (or reauthentication, through allauth) this recent.
TRAINING_SIGNING_REAUTHENTICATION_MINUTES = env_int("TRAINING_SIGNING_REAUTHENTICATION_MINUTES", 15)
# Scans of paper sign-offs: a private folder, outside MEDIA_ROOT, that no URL serves.
TRAINING_SCANS_ROOT = Path(env_str("TRAINING_SCANS_ROOT", str(BASE_DIR / "private" / "scans")))
TRAINING_SCAN_MAX_BYTES = env_int("TRAINING_SCAN_MAX_BYTES", 10_000_000)
# A learning record store (xAPI 1.0.3) that receives statements from `send_learning_records`; off while empty.
TRAINING_LRS_ENDPOINT = env_str("TRAINING_LRS_ENDPOINT", "").rstrip("/")
TRAINING_LRS_KEY = env_str("TRAINING_LRS_KEY", "")
TRAINING_LRS_SECRET = env_str("TRAINING_LRS_SECRET", "")
TRAINING_LRS_TIMEOUT_SECONDS = env_int("TRAINING_LRS_TIMEOUT_SECONDS", 10)
# "mbox" names people by e-mail address; "account" by their id on this site only.
TRAINING_LRS_ACTOR = env_str("TRAINING_LRS_ACTOR", "mbox")
# Days after a quiz on which its missed questions (and a sample of the others) come back as refreshers.
TRAINING_REFRESHER_DAYS = env_list("TRAINING_REFRESHER_DAYS", "2,7,21")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler (DEBUG only) would print every line a second time through root.
        "django": {"handlers": [], "propagate": True},
        # Wagtail's search and reference-index tasks log every run at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}
