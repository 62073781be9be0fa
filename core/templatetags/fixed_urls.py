"""``{% fixed_url "name" %}``: ``{% url "name" %}`` for a URL without arguments, reversed
once per process; ``{% fixed_static "path" %}``: ``{% static "path" %}``, worked out once per
process.

``{% url %}`` walks the URL resolver on every call, about 40 µs. The site's navigation
reverses three to eighteen such names on every page, the public verification page among
them (bench_verification.py). A name without arguments always reverses to the same path
for the same URLconf and script prefix, so those are the cache's key.
"""

import functools

from django import template
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.lru_cache(maxsize=256)
def _path(name: str, urlconf: str, script_prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def fixed_url(name: str) -> str:
    return _path(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@functools.lru_cache(maxsize=256)
def _static_url(path: str) -> str:
    return staticfiles_storage.url(path)


@register.simple_tag
def fixed_static(path: str) -> str:
    """A static file's URL, as ``{% static %}`` gives it. The manifest of hashed names is
    read when the process starts (``collectstatic`` writes it at deploy), so the URL
    cannot change while the process runs; ``{% static %}`` works it out again on every
    call (asking the app registry whether staticfiles is installed, then the storage),
    about 15 µs, and every page's layout asks for three files."""
    return _static_url(path)


@receiver(setting_changed)
def _static_settings_changed(*, setting: str, **kwargs) -> None:
    # As Django resets the storage itself when a test changes these.
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES", "DEBUG"}:
        _static_url.cache_clear()
