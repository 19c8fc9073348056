"""The participation scheme: its settings, its text in versions, comments, comparisons."""

from django.urls import path

from . import scheme_views as views

urlpatterns = [
    path("<int:council_id>/regeling/", views.scheme_page, name="scheme"),
    path("<int:council_id>/regeling/instellingen/", views.scheme_settings, name="scheme_settings"),
    path("<int:council_id>/regeling/bewerken/", views.scheme_edit, name="scheme_edit"),
    path("<int:council_id>/regeling/beginnen/", views.scheme_start, name="scheme_start"),
    path("<int:council_id>/regeling/vergelijken/", views.scheme_diff, name="scheme_diff"),
    path(
        "<int:council_id>/regeling/versies/<int:version_id>/",
        views.scheme_version,
        name="scheme_version",
    ),
    path(
        "<int:council_id>/regeling/versies/<int:version_id>/opmerking/",
        views.scheme_comment_new,
        name="scheme_comment_new",
    ),
    path(
        "<int:council_id>/regeling/opmerkingen/<int:comment_id>/afhandelen/",
        views.scheme_comment_resolve,
        name="scheme_comment_resolve",
    ),
]
