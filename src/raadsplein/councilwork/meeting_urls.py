from django.urls import path

from . import core_views

urlpatterns = [
    path("<int:council_id>/vergaderingen/", core_views.part_to_come, name="meetings"),
    path(
        "<int:council_id>/vergaderingen/<int:meeting_id>/",
        core_views.part_to_come_item,
        name="meeting",
    ),
]
