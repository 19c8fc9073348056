from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("mijn-boekingen/", views.my_bookings, name="my_bookings"),
    path("mijn-boekingen/agenda-adres/", views.calendar_feed_reset, name="calendar_feed_reset"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("sessie/<int:pk>/boeken/", views.book, name="book"),
    path("sessie/<int:pk>/agenda.ics", views.session_ics, name="session_ics"),
    path("boeking/<int:pk>/afmelden/", views.booking_cancel, name="booking_cancel"),
    path("boeking/<int:pk>/aannemen/", views.booking_accept, name="booking_accept"),
    path("boeking/<int:pk>/evaluatie/", views.evaluate, name="evaluate"),
    path("programma/<slug:slug>/", views.programme, name="programme"),
    path("beheer/", views.staff_overview, name="staff_overview"),
    path("beheer/sessie/<int:pk>/", views.staff_session, name="staff_session"),
    path(
        "beheer/sessie/<int:pk>/aanwezigheidslijst.pdf",
        views.staff_checkin_pdf,
        name="staff_checkin_pdf",
    ),
    path("beheer/boeking/<int:pk>/plaats-geven/", views.staff_move_up, name="staff_move_up"),
    path(
        "beheer/sessie/<int:pk>/deelnemers.<str:fmt>",
        views.staff_export,
        name="staff_export",
    ),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
]
