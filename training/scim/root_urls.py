"""The SCIM endpoints alone, as a URLconf without language prefixes (see views.SCIM_URLCONF)."""

from django.urls import include, path

urlpatterns = [path("scim/v2/", include("training.scim.urls"))]
