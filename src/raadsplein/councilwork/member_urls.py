from django.urls import path

from . import core_views

urlpatterns = [
    path("<int:council_id>/leden/", core_views.part_to_come, name="members"),
]
