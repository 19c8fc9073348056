"""/raadswerk/: a council's own workspace. Every path below ``<council_id>/`` is guarded by
``access.workspace`` (another council's anything answers 404). Each part of the workspace
keeps its paths in its own module; their names are unique across them."""

from django.urls import path

from . import (
    constituency_urls,
    core_views,
    letter_urls,
    meeting_urls,
    member_urls,
    planning_urls,
    scheme_urls,
    trajectory_urls,
)

app_name = "councilwork"

urlpatterns = [
    path("", core_views.index, name="index"),
    path("<int:council_id>/", core_views.overview, name="overview"),
    path("<int:council_id>/documenten/<int:document_id>/", core_views.document, name="document"),
    path("<int:council_id>/toegang/", core_views.access, name="access"),
    path(
        "<int:council_id>/toegang/<int:access_id>/intrekken/",
        core_views.revoke_access,
        name="revoke_access",
    ),
]
for part in (
    meeting_urls,
    trajectory_urls,
    letter_urls,
    scheme_urls,
    member_urls,
    constituency_urls,
    planning_urls,
):
    urlpatterns += part.urlpatterns
