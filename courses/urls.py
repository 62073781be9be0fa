from django.urls import path

from . import views
from .attendance import views as sessions

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
    # Live sessions (courses.attendance)
    path("sessions/", sessions.session_list, name="session_list"),
    path("sessions/new/", sessions.session_schedule, name="session_schedule"),
    path("sessions/<int:session_id>/", sessions.session_register, name="session_register"),
    path("sessions/<int:session_id>/code/", sessions.session_qr, name="session_qr"),
    path("sessions/<int:session_id>/code.json", sessions.session_qr_json, name="session_qr_json"),
    path("sessions/<int:session_id>/import/", sessions.session_import, name="session_import"),
    path(
        "sessions/<int:session_id>/import/resolve/",
        sessions.session_import_resolve,
        name="session_import_resolve",
    ),
    path(
        "sessions/policy/<int:programme_id>/",
        sessions.attendance_policy,
        name="attendance_policy",
    ),
    path("sessions/mine/", sessions.my_sessions, name="my_sessions"),
    path("sessions/calendar/<str:token>.ics", sessions.calendar_feed, name="calendar_feed"),
    path(
        "sessions/certificate/<int:enrollment_id>.pdf",
        sessions.attendance_certificate,
        name="attendance_certificate",
    ),
    path("sessions/check-in/<str:token>/", sessions.check_in, name="check_in"),
    path("sessions/cohorts/<int:cohort_id>/", sessions.cohort_attendance, name="cohort_attendance"),
]
