from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("my-training/", views.my_training, name="my_training"),
    path("search/", views.lesson_search, name="search"),
    path("programmes/<int:programme_id>/enrol/", views.enrol, name="enrol"),
    path("lessons/<int:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path(
        "lessons/<int:lesson_id>/engagement/",
        views.lesson_engagement,
        name="lesson_engagement",
    ),
    path(
        "lessons/<int:lesson_id>/reflections/<str:block_id>/",
        views.reflection_save,
        name="reflection_save",
    ),
    path("coordinate/", views.coordinated_programmes, name="coordinated_programmes"),
    path("coordinate/<int:programme_id>/", views.cohort_progress, name="cohort_progress"),
    path("coordinate/<int:programme_id>/enrol/", views.coordinator_enrol, name="coordinator_enrol"),
    path(
        "coordinate/<int:programme_id>/enrol-csv/",
        views.coordinator_enrol_csv,
        name="coordinator_enrol_csv",
    ),
    path(
        "coordinate/<int:programme_id>/remind/", views.coordinator_remind, name="coordinator_remind"
    ),
    path("invitations/<int:invitation_id>/", views.invitation, name="invitation"),
]
