"""Paths of the Wmcz trajectories (issue 15, part 3)."""

from django.urls import path

from . import trajectory_views as views

urlpatterns = [
    path("<int:council_id>/trajecten/", views.trajectory_list, name="trajectories"),
    path("<int:council_id>/trajecten/nieuw/", views.trajectory_new, name="trajectory_new"),
    path(
        "<int:council_id>/trajecten/<int:trajectory_id>/",
        views.trajectory_detail,
        name="trajectory",
    ),
    path(
        "<int:council_id>/trajecten/<int:trajectory_id>/aanvraag/",
        views.trajectory_edit,
        name="trajectory_edit",
    ),
    path(
        "<int:council_id>/trajecten/<int:trajectory_id>/stap/",
        views.trajectory_step,
        name="trajectory_step",
    ),
    path(
        "<int:council_id>/trajecten/<int:trajectory_id>/documenten/",
        views.trajectory_documents,
        name="trajectory_documents",
    ),
]
