import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Load every URL pattern (and so the views) now, then move everything loaded so far out of
# the garbage collector's sight: a full collection no longer walks the few hundred thousand
# objects of Django, Wagtail and the apps, which never become garbage. A 10,000-row CSV
# check spent a quarter to a third of its CPU time in such collections.
get_resolver().url_patterns  # noqa: B018  (loaded for its side effect)
gc.collect()
gc.freeze()
