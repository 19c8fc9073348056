from django.urls import path

from . import core_views

urlpatterns = [
    path("<int:council_id>/trajecten/", core_views.part_to_come, name="trajectories"),
    path(
        "<int:council_id>/trajecten/<int:trajectory_id>/",
        core_views.part_to_come_item,
        name="trajectory",
    ),
]
