"""Local development: debug on, a throwaway key, email printed to the console."""

from .base import *

PEERPATH_ENV = "dev"
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Demo supervisors and coordinators have two-factor authentication switched on; in local
# development any of them can sign in with this code. allauth refuses it unless DEBUG is on.
if DEBUG:
    MFA_TOTP_INSECURE_BYPASS_CODE = "123456"

# Demo data (seed_demo) in development only; first, so its seed_demo replaces cms's refusal.
INSTALLED_APPS = ["demo", *INSTALLED_APPS]
