from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", views.attempt_start, name="attempt_start"),
    path("quizzes/<int:quiz_id>/results/", views.quiz_results, name="quiz_results"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
    path("quizzes/<int:quiz_id>/request/", views.attempt_request, name="attempt_request"),
    path("requests/", views.attempt_requests, name="attempt_requests"),
    path(
        "coordinate/<int:programme_id>/trainees/<int:enrollment_id>/quizzes/<int:quiz_id>/override/",
        views.quiz_override,
        name="quiz_override",
    ),
]
