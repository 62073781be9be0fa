"""Settings shared by every environment.

Everything that differs between machines is read from the environment, with defaults
that let a fresh clone run on one machine: SQLite, local memory cache, console email,
media on local disk and Celery tasks executed inline.
"""

from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

PEERPATH_ENV = "base"
# seed_demo creates accounts with a published password; only some environments allow it.
DEMO_DATA_ALLOWED = True

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Peerpath
    "core",
    "cms",
    "accounts",
    "organisations",
    "notifications",
    "courses",
    "assessments",
    "certificates",
    "practice",
    "renewals",
    "verification",
    "syllabus",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The API's Swagger UI and ReDoc from django-ninja's own static files, not a CDN.
    "ninja",
    # Content-Security-Policy (see core/csp.py)
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.csp.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything reads the body or touches the database: see core/middleware.py.
    "core.middleware.RequestHygieneMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Signed-in people without CMS rights get the 403 page in the Wagtail admin: Wagtail
    # would send them to a login that sends them straight back (cms/admin_access.py).
    "cms.admin_access.AdminAccessMiddleware",
    # After authentication, messages and allauth's: needs the user, the session's
    # authentication records and a way to say why it redirects.
    "accounts.middleware.AdminMfaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Another provider's pages are a 404 in every admin URL that names a page.
    "courses.admin_guard.ProviderPagesAdminGuard",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "organisations.context_processors.roles",
            ],
        },
    },
]

# Database: SQLite file by default; PostgreSQL in production through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite lets one writer in at a time. IMMEDIATE takes the write lock when a transaction
    # begins, so a second request waits its turn (up to `timeout` seconds) instead of failing
    # with "database is locked" when its read turns into a write; in WAL mode pages are read
    # while another request writes. PostgreSQL needs none of this.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: rate limits and sessions live here, so several processes need a shared one (Redis).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "peerpath",
            # Redis answers in well under a millisecond: a Redis that hangs must fail a
            # request's cache call in a second, not hold the worker until it is killed.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Authentication
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: email is the login, verified before first sign-in.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Peerpath"

# Wagtail: all logins go through allauth, so its rate limits and MFA cover the admin too.
WAGTAIL_SITE_NAME = "Peerpath"
# Every email's subject starts with the site's name once: allauth's through this setting,
# ours through notifications.services.email_send_template.
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
# The public address: QR codes, emails and Open Badges ids are built on it. `make run`
# sets it from HOST and PORT; production requires an https:// address (core/checks.py).
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages send visitors here to sign in (Wagtail's default is its own plain LoginView).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Review requests go to the reviewers of the page's provider (courses.receivers), not to
# every superuser: Wagtail's own "submitted" emails would tell them about every provider.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]

# Open Badges 3.0 VC-JWTs (credentials and status lists) are signed RS256 with RSA keys
# that rotate (`python manage.py rotate_signing_key`): the private halves are PEM files,
# one per key, in SIGNING_KEYS_DIR; the public halves stay in the database, published.
# Development and tests keep theirs in a git-ignored directory, made on first use;
# production requires the variable. See certificates/signing.py.
SIGNING_KEYS_DIR = env("SIGNING_KEYS_DIR", default=str(BASE_DIR / ".signing-keys"))
SIGNING_KEY_BITS = env.int("SIGNING_KEY_BITS", default=3072)
# The Ed25519 key that signs the practice audit checkpoints and the credentials' Data
# Integrity proofs, given as PEM text (newlines may be written as \n) or as a path to the
# PEM file. Without either, development and tests create and reuse the git-ignored dev
# file; production refuses to sign. A new key: `python manage.py generate_signing_key`.
# See core/keys.py.
CREDENTIAL_SIGNING_KEY = env.str("CREDENTIAL_SIGNING_KEY", default="", multiline=True)
CREDENTIAL_SIGNING_KEY_FILE = env("CREDENTIAL_SIGNING_KEY_FILE", default="")
CREDENTIAL_SIGNING_KEY_DEV_FILE = BASE_DIR / ".credential-signing-key.pem"

# Reverse proxies (IP addresses or CIDR networks, comma-separated) whose X-Forwarded-For
# names the client. Rate limits and the audit trail key on the client's address; with
# none trusted that is the connecting address. See core/http.py.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Verification: public lookups per client address, API calls per key ("count/s|m|h").
VERIFICATION_PUBLIC_RATE_LIMIT = env("VERIFICATION_PUBLIC_RATE_LIMIT", default="30/m")
VERIFICATION_API_RATE_LIMIT = env("VERIFICATION_API_RATE_LIMIT", default="600/m")
# How long a proxy may keep a VALID answer: a revocation shows within this many seconds.
VERIFICATION_CACHE_SECONDS = 30
VERIFICATION_CSV_MAX_ROWS = 10_000
# With Redis, API and page checks are appended to a Redis stream in the lookup's own round
# trip and stored by the drain-checks beat task; without it, or when off, stored directly.
VERIFICATION_CHECKS_VIA_REDIS = env.bool("VERIFICATION_CHECKS_VIA_REDIS", default=True)
# Where the hot path keeps its keys in that Redis (verification/answers.py).
VERIFICATION_REDIS_PREFIX = "peerpath:v:"

# Internationalisation
LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# Static files (WhiteNoise) and media (local disk, or S3-compatible storage when configured).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "core.staticfiles.StaticFilesStorage"},
}

# Email: EMAIL_URL such as smtp+tls://user:password@smtp.example.org:587
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that hangs must not hold a worker, or in inline mode a request, for long:
# the message stays queued and the outbox sweep tries again.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Peerpath <no-reply@peerpath.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker every task runs inline, so one machine needs nothing else.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
# A message a worker took and never acknowledged (acks_late tasks whose worker died) is
# handed out again after Redis's visibility timeout, by default an hour. A little above
# the longest task's hard limit: no task still running is handed to a second worker, and
# a lost one waits minutes. Retries must not wait longer than this (see email_deliver).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 60}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers log through LOGGING below, as the web processes do, rather than Celery's own
# root handler: one format (JSON in production) for everything the site writes.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Emails, renders and other work a request queued in the outbox and that is not done
    # within a few minutes (broker down at the time, worker lost) are dispatched again.
    "outbox-sweep": {
        "task": "notifications.tasks.sweep_outbox",
        "schedule": 60.0,
        "options": {"expires": 55},  # sweeps missed while workers were down do not pile up
    },
    # Wagtail's scheduled publishing: revisions whose "go live" time has passed are
    # published, pages past their "expiry" time unpublished (cms.tasks.publish_scheduled).
    "publish-scheduled": {
        "task": "cms.tasks.publish_scheduled",
        "schedule": 60.0,
        "options": {"expires": 55},  # runs missed while workers were down do not pile up
    },
    "supervisor-digests": {
        "task": "practice.tasks.send_supervisor_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    # Trainees with no progress for STALL_REMINDER_DAYS are reminded, once per stall.
    "stall-reminders": {
        "task": "courses.tasks.send_stall_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    # Renewal reminders (90, 60, 30, 7 days, with the holder's CE gap) replace the plain
    # expiry reminders (certificates.tasks.send_expiry_reminders, kept for manual runs).
    "credential-expiry-reminders": {
        "task": "renewals.tasks.send_renewal_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # Checks made through the API and the public page, from the Redis stream to the database.
    "verification-drain-checks": {
        "task": "verification.tasks.drain_checks",
        "schedule": 5.0,
        "options": {"expires": 4},
    },
    # Hourly, so a clinic hears of a suspension or revocation the same morning.
    "roster-alerts": {
        "task": "verification.tasks.send_roster_alerts",
        "schedule": crontab(minute=15),
    },
    # Hourly: a rewrite or truncation of the audit trail can hide at most the last hour.
    "audit-checkpoint": {
        "task": "practice.tasks.sign_audit_checkpoint",
        "schedule": crontab(minute=5),
    },
}

# A trainee with no progress for this many days is reminded by email, once per stall (the
# coordinator can also remind chosen trainees from the gradebook). 0 turns it off.
STALL_REMINDER_DAYS = env.int("STALL_REMINDER_DAYS", default=21)

# A lesson's minutes are its words read at this speed plus its activities
# (courses.reading_time); the curriculum loader refuses declared minutes that differ.
LESSON_READING_WPM = 150
# The curriculum files load_curriculum and seed_demo load (syntax: curriculum/README.md).
CURRICULUM_DIR = BASE_DIR / "curriculum"
# A lesson is credited once every section behind a content warning was opened and the
# trainee spent active time on it (visible tab, recent input) of at least this share of its
# estimated minutes, or answered its practice questions correctly (courses.engagement).
LESSON_ACTIVE_SHARE = env.float("LESSON_ACTIVE_SHARE", default=0.5)
# How often the lesson page reports active time; the server credits at most this many
# seconds per report, and never more than the time since the previous one.
LESSON_HEARTBEAT_SECONDS = env.int("LESSON_HEARTBEAT_SECONDS", default=30)

# A supervisor's dashboard names their trainees with nothing logged for this many weeks.
SUPERVISOR_QUIET_WEEKS = env.int("SUPERVISOR_QUIET_WEEKS", default=3)

# Audit trail: each signed checkpoint is also written to file storage (MEDIA_ROOT or the
# S3 bucket, under audit-checkpoints/), so deleting checkpoint rows is noticed too.
AUDIT_CHECKPOINT_STORAGE_COPY = env.bool("AUDIT_CHECKPOINT_STORAGE_COPY", default=True)
# Share of renewal applications picked at random for an evidence audit (0 to 1).
RENEWAL_AUDIT_SHARE = env.float("RENEWAL_AUDIT_SHARE", default=0.1)

# Erasure (`manage.py erase_user`) refuses while a person's approved practice records are
# younger than this. Default: 2 years, the record-keeping period of California's Medi-Cal
# peer support specialists and the renewal cycle of IC&RC, Texas and Pennsylvania; a board
# that asks for longer means a longer setting.
PRACTICE_RECORD_RETENTION_DAYS = env.int("PRACTICE_RECORD_RETENTION_DAYS", default=2 * 365)

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"

# Request hygiene (core/middleware.py). The bulk API call of 500 numbers is about 25 kB.
API_PATH_PREFIX = "/api/"
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=100_000)

# Content-Security-Policy (django-csp 4; core/csp.py). Scripts only from this site or with
# the request's nonce. Inline style attributes stay allowed: pages set progress bar widths
# with them, and an injected style cannot run code. Videos in lessons are embedded from
# the hosts in CSP_FRAME_SOURCES.
CSP_FRAME_SOURCES = env.list(
    "CSP_FRAME_SOURCES",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
)
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# The Wagtail admin needs inline scripts; why, in core/csp.py.
CSP_INLINE_SCRIPT_PREFIXES = ["/cms/"]
# Wagtail's admin would fetch release notes from wagtail.org and avatars from Gravatar
# (sending a hash of each editor's email), which the policy forbids: both are off.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Permissions-Policy: nothing Peerpath does needs the camera, microphone, location or
# other device features, so no page (or embedded frame) may ask for them. A QR check-in
# page would switch on "camera": ["self"] for itself only. Fullscreen, autoplay and
# picture-in-picture stay at the browser's default for embedded lesson videos.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Logging goes to standard error, where the process manager or the container runtime
# collects it: readable lines here and in development; one JSON object per line under
# production settings (LOG_FORMAT=json), for a log collector. The project's loggers write
# ids, credential numbers and reasons of our own making, never a person's name, email
# address, reflection or practice note (tests/cms/test_logging.py runs the workflows and
# checks).
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}",
            "style": "{",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    # Credential numbers in the paths Django logs ("Not Found: /verify/…") become <number>.
    "filters": {"redact_numbers": {"()": "core.logfilters.RedactCredentialNumbers"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"filters": ["redact_numbers"]},
        "django.server": {"filters": ["redact_numbers"]},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}
