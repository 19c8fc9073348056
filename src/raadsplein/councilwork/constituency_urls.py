from django.urls import path

from . import constituency_views as views

urlpatterns = [
    path("<int:council_id>/achterban/", views.contact_list, name="constituency"),
    path("<int:council_id>/achterban/nieuw/", views.contact_new, name="contact_new"),
    path("<int:council_id>/achterban/<int:contact_id>/", views.contact_detail, name="contact"),
    path(
        "<int:council_id>/achterban/<int:contact_id>/wijzigen/",
        views.contact_edit,
        name="contact_edit",
    ),
    path(
        "<int:council_id>/achterban/<int:contact_id>/verwijderen/",
        views.contact_delete,
        name="contact_delete",
    ),
    path(
        "<int:council_id>/achterban/<int:contact_id>/op-de-agenda/",
        views.contact_to_agenda,
        name="contact_to_agenda",
    ),
    path(
        "<int:council_id>/achterban/<int:contact_id>/als-signaal/",
        views.contact_to_signal,
        name="contact_to_signal",
    ),
]
