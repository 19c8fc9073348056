"""The editors' screens for subscribers, segments and the import under /nieuwsbrief/abonnees/."""

from django.urls import path

from . import subscriber_views

app_name = "newsletter_subscribers"

urlpatterns = [
    path("", subscriber_views.subscriber_list, name="list"),
    path("<int:pk>/", subscriber_views.subscriber_detail, name="detail"),
    path("importeren/", subscriber_views.import_view, name="import"),
    path("segmenten/", subscriber_views.segment_list, name="segments"),
    path("segmenten/nieuw/", subscriber_views.segment_edit, name="segment_new"),
    path("segmenten/<int:pk>/", subscriber_views.segment_edit, name="segment"),
]
