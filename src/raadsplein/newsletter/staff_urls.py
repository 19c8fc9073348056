"""The editors' screens for editions under /nieuwsbrief/redactie/ (edition_views.py)."""

from django.urls import path

from . import edition_views as views

app_name = "newsletter_staff"

urlpatterns = [
    path("", views.edition_list, name="editions"),
    path("<int:pk>/", views.edition_detail, name="edition"),
    path("<int:pk>/onderdeel/nieuw/", views.item_add, name="item_add"),
    path("<int:pk>/onderdeel/<int:item_pk>/", views.item_edit, name="item"),
    path("<int:pk>/onderdeel/<int:item_pk>/verplaatsen/", views.item_move, name="item_move"),
    path("<int:pk>/onderdeel/<int:item_pk>/verwijderen/", views.item_remove, name="item_remove"),
    path("<int:pk>/voorbeeld/", views.preview, name="preview"),
    path("<int:pk>/voorbeeld/mail/", views.preview_mail, name="preview_mail"),
    path("<int:pk>/test/", views.test_send, name="test_send"),
    path("<int:pk>/inplannen/", views.schedule_view, name="schedule"),
    path("<int:pk>/niet-inplannen/", views.unschedule_view, name="unschedule"),
    path("<int:pk>/versturen/", views.send_view, name="send"),
    path("<int:pk>/status/", views.status_view, name="status"),
]
