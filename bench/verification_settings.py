"""Production settings for bench_verification.py's gunicorn, plus the bench's baseline URL.

Everything else comes from cms.settings.production and the environment the bench sets.
Only the bench uses this module; not a bench itself (run_all.py runs bench_*.py).
"""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.verification_urls"
# collectstatic writes the manifest here (a throwaway directory), as a deployment would.
STATIC_ROOT = env("BENCH_STATIC_ROOT")  # noqa: F405
