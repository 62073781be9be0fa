from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("credentials/", views.mine, name="mine"),
    path("credentials/ethics/<int:enrollment_id>/", views.ethics, name="ethics"),
    path("credentials/manage/", views.manage, name="manage"),
    path("credentials/<str:number>/status/", views.change_status, name="change_status"),
    path("credentials/<str:number>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("verify/<str:number>/", views.verify, name="verify"),
]
