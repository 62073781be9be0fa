from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", views.attempt_start, name="attempt_start"),
    path("quizzes/<int:quiz_id>/results/", views.quiz_results, name="quiz_results"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
]
