from django.urls import path

from certificates.api import VERIFY_ROUTE

from . import views

app_name = "verification"

urlpatterns = [
    # The public page's path is certificates' (printed in QR codes): see VERIFY_ROUTE.
    path(VERIFY_ROUTE, views.lookup, name="lookup"),
    # Before the number's path: "receipt" is not a credential number.
    path(f"{VERIFY_ROUTE}receipt/", views.receipt_check, name="receipt_check"),
    path(f"{VERIFY_ROUTE}<str:number>/", views.verify, name="verify"),
    path("credentials/<str:number>/checks/", views.holder_checks, name="holder_checks"),
    path("clinics/", views.clinic_home, name="clinic_home"),
    path("clinics/<int:organisation_id>/roster/", views.roster, name="roster"),
    path("clinics/<int:organisation_id>/roster.csv", views.roster_csv, name="roster_csv"),
    path(
        "clinics/<int:organisation_id>/roster/<int:entry_id>/remove/",
        views.roster_remove,
        name="roster_remove",
    ),
    path(
        "clinics/<int:organisation_id>/roster/<int:entry_id>/",
        views.roster_entry,
        name="roster_entry",
    ),
    path(
        "clinics/<int:organisation_id>/roster/<int:entry_id>/receipt/",
        views.roster_receipt,
        name="roster_receipt",
    ),
    path(
        "clinics/<int:organisation_id>/receipts/<int:receipt_id>.pdf",
        views.receipt_pdf,
        name="receipt_pdf",
    ),
    path("clinics/<int:organisation_id>/colleagues/", views.colleagues, name="colleagues"),
    path("clinics/invitations/<int:invitation_id>/", views.invitation, name="invitation"),
    path("clinics/<int:organisation_id>/checks/", views.bulk_check, name="bulk_check"),
    path(
        "clinics/<int:organisation_id>/checks/<int:check_id>/",
        views.bulk_check_detail,
        name="bulk_check_detail",
    ),
    path(
        "clinics/<int:organisation_id>/checks/<int:check_id>.csv",
        views.bulk_check_csv,
        name="bulk_check_csv",
    ),
    path(
        "clinics/<int:organisation_id>/checks/<int:check_id>.xlsx",
        views.bulk_check_xlsx,
        name="bulk_check_xlsx",
    ),
    path("clinics/<int:organisation_id>/api-keys/", views.api_keys, name="api_keys"),
    path(
        "clinics/<int:organisation_id>/api-keys/<int:key_id>/revoke/",
        views.api_key_revoke,
        name="api_key_revoke",
    ),
]
