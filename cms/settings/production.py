"""Production: every secret from the environment, HTTPS enforced, demo data refused."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

PEERPATH_ENV = "production"
DEMO_DATA_ALLOWED = False
DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "The SECRET_KEY environment variable is required under production settings "
        "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

# No development fallbacks: core/checks.py and certificates/checks.py refuse to start
# without an https:// public address and a directory of signing keys.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="")
SIGNING_KEYS_DIR = env("SIGNING_KEYS_DIR", default="")

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)

# One JSON object per line on standard error, for the log collector (see base.py).
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
# Wagtail's live preview shows the page in a same-origin iframe, so SAMEORIGIN (set in
# base) is deliberate rather than DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
