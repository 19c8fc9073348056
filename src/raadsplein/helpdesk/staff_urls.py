from django.urls import path

from . import staff_views

app_name = "helpdesk_staff"

urlpatterns = [
    path("", staff_views.queue_view, name="queue"),
    path("lijst/<slug:view>/", staff_views.queue_view, name="queue_view"),
    path("vraag/<int:pk>/", staff_views.question_view, name="question"),
    path("telefoon/", staff_views.log_call_view, name="log_call"),
]
