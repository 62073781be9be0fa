"""The site's URLs plus a bare JSON view: the baseline bench_verification.py compares with.

The bare view goes through the same middleware as every other page, so the difference
between it and the API is the API's own work.
"""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns

BODY = {"status": "VALID", "number": "PP-7KQ4-M2XD-9", "holder_name": "A Holder"}


def bare(request):
    return JsonResponse(BODY)


urlpatterns = [path("bench/bare.json", bare), *site_urlpatterns]
