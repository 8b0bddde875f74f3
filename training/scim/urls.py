from django.urls import path, re_path

from . import views

app_name = "scim"

urlpatterns = [
    path("", views.not_found, name="root"),
    path(".search", views.root_search),
    path("ServiceProviderConfig", views.service_provider_config_view),
    path("ResourceTypes", views.resource_types_view),
    path("ResourceTypes/<str:pk>", views.resource_types_view),
    path("Schemas", views.schemas_view),
    path("Schemas/<str:pk>", views.schemas_view),
    path("Users", views.users),
    path("Users/.search", views.users_search),
    path("Users/<str:pk>", views.user),
    path("Groups", views.groups_view),
    path("Groups/.search", views.groups_search),
    path("Groups/<str:pk>", views.group),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
