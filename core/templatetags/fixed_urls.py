"""``{% fixed_url "name" %}``: ``{% url "name" %}`` for a URL without arguments, reversed
once per process.

``{% url %}`` walks the URL resolver on every call, about 40 µs. The site's navigation
reverses three to eighteen such names on every page, the public verification page among
them (bench_verification.py). A name without arguments always reverses to the same path
for the same URLconf and script prefix, so those are the cache's key.
"""

import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.lru_cache(maxsize=256)
def _path(name: str, urlconf: str, script_prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def fixed_url(name: str) -> str:
    return _path(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
