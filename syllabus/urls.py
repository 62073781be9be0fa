from django.urls import path

from . import views

app_name = "syllabus"

urlpatterns = [
    path("crosswalk/", views.crosswalk, name="crosswalk"),
    path("crosswalk.csv", views.crosswalk_download, name="crosswalk_csv"),
    path("facilitator-guide/", views.facilitator_guide, name="facilitator_guide"),
]
