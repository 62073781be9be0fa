from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("credentials/", views.mine, name="mine"),
    path("credentials/ethics/<int:enrollment_id>/", views.ethics, name="ethics"),
    path("credentials/manage/", views.manage, name="manage"),
    path("credentials/<str:number>/status/", views.change_status, name="change_status"),
    path("credentials/<str:number>/revoke/", views.revoke, name="revoke"),
    path("credentials/<str:number>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("credentials/<str:number>/credential.jwt", views.credential_jwt, name="jwt"),
    path("credentials/<str:number>/credential.jsonld", views.credential_jsonld, name="jsonld"),
    path(
        "coordinate/<int:programme_id>/gradebook/",
        views.programme_gradebook,
        name="gradebook",
    ),
    path(
        "coordinate/<int:programme_id>/trainees/<int:enrollment_id>/",
        views.learner_record,
        name="learner_record",
    ),
    # Open Badges 3.0: public documents verifiers fetch.
    path("credentials/issuer.json", views.issuer_profile, name="issuer"),
    path(
        "credentials/issuers/<int:organisation_id>.json",
        views.organisation_profile,
        name="organisation_profile",
    ),
    path("credentials/status/<slug:purpose>.jwt", views.status_list, name="status_list"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path(".well-known/keys/<str:kid>.json", views.signing_key, name="signing_key"),
    # Data Integrity: the controller document and each key, named by the key itself.
    path("credentials/controller.json", views.controller_document, name="controller"),
    path("credentials/multikeys/<str:multibase>.json", views.multikey, name="multikey"),
]
