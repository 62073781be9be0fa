from django.urls import path

from . import views

app_name = "renewals"

urlpatterns = [
    path("", views.keep, name="keep"),
    path("birthday/", views.birthday, name="birthday"),
    path("<int:credential_id>/log/", views.log, name="log"),
    path("<int:credential_id>/apply/", views.apply, name="apply"),
    path(
        "<int:credential_id>/transcript.<str:fmt>",
        views.transcript_file,
        name="transcript",
    ),
    path("activities/<int:activity_id>/move/", views.move, name="move"),
    path("activities/<int:activity_id>/delete/", views.delete, name="delete"),
    path("activities/<int:activity_id>/evidence/", views.evidence, name="evidence"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:application_id>/decide/", views.decide, name="decide"),
]
