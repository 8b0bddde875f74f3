from django.urls import path

from . import evidence_views

app_name = "evidence"

urlpatterns = [
    path("", evidence_views.my_evidence, name="mine"),
    path("verify/", evidence_views.verify_code, name="verify"),
    path("texts/<str:sha256>/", evidence_views.frozen_text, name="text"),
]
