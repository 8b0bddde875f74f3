from django.urls import path

from . import refresher_views

app_name = "refreshers"

urlpatterns = [
    path("<int:refresher_id>/", refresher_views.answer_refresher_view, name="answer"),
]
