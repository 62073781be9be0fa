from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import certificate_name, dashboard
from verification.api import api as verification_api
from verification.api import redoc as verification_api_redoc

# Every login form is allauth's, so its rate limits, lockout, email verification and MFA
# apply to every way in: the two admin sites and Wagtail's frontend login (which
# wagtail.urls serves at /_util/login/ as Django's plain LoginView) only redirect to it.
# tests/cms/test_login_urls.py walks the URLconf to keep it that way. (mypy: replacing the
# bound view on the one AdminSite instance is the point.)
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
wagtail_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    # First: the verification API and the public verification page are the most called
    # paths (clinics' software, QR codes), and Django tries the patterns in order. None of
    # their paths is under another pattern's prefix.
    path("api/v1/redoc", verification_api_redoc, name="api_v1_redoc"),
    path("api/v1/", verification_api.urls),
    path("", include("verification.urls")),
    path("django-admin/", admin.site.urls),
    path("cms/login/", wagtail_login, name="wagtail_login_redirect"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/certificate-name/", certificate_name, name="certificate_name"),
    path("accounts/", include("allauth.urls")),
    path("dashboard/", dashboard, name="dashboard"),
    path("courses/", include("courses.urls")),
    path("curriculum/", include("syllabus.urls")),
    path("assessments/", include("assessments.urls")),
    path("practice/", include("practice.urls")),
    path("notifications/", include("notifications.urls")),
    path("renewals/", include("renewals.urls")),
    path("", include("certificates.urls")),
]

# No route serves MEDIA_ROOT, not even in development: every stored file a person may see
# has a view that checks who is asking (a certificate's PDF: certificates.views
# .certificate_pdf; a document: Wagtail's /documents/ view), so /media/<path> would only
# have offered a way round those checks.

urlpatterns += [
    # Before wagtail.urls, so this pattern wins over Wagtail's own at the same path.
    path("_util/login/", wagtail_login, name="wagtailcore_login_redirect"),
    path("", include(wagtail_urls)),
]
