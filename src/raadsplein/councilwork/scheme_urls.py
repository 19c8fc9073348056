from django.urls import path

from . import core_views

urlpatterns = [
    path("<int:council_id>/regeling/", core_views.part_to_come, name="scheme"),
]
