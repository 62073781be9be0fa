from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.log_index, name="log_index"),
    path("<int:enrollment_id>/", views.log, name="log"),
    path("<int:enrollment_id>/new/", views.entry_new, name="entry_new"),
    path("<int:enrollment_id>/report.pdf", views.report_pdf, name="report"),
    path("<int:enrollment_id>/log.csv", views.log_csv, name="log_csv"),
    path("<int:enrollment_id>/submit-drafts/", views.submit_drafts, name="submit_drafts"),
    path("entries/<int:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:entry_id>/<str:action>/", views.entry_action, name="entry_action"),
    path("supervision/", views.queue, name="queue"),
    path("supervision/decided/", views.decided, name="decided"),
    path("supervision/approve/", views.approve_selected, name="approve_selected"),
    path("supervision/entries/<int:entry_id>/decide/", views.decide, name="decide"),
    path("assignments/", views.assignments_index, name="assignments_index"),
    path("assignments/<int:organisation_id>/", views.assignments, name="assignments"),
    # Public: the verification codes printed on practice-hours reports.
    path("check/", views.signoff_code_check, name="check"),
    path("check/<str:code>/", views.signoff_code_check, name="check_code"),
]
