from django.urls import path

from . import figures_views, loop_views, mail_views, pool_views, staff_views, support_views

app_name = "helpdesk_staff"

urlpatterns = [
    path("", staff_views.queue_view, name="queue"),
    path("lijst/<slug:view>/", staff_views.queue_view, name="queue_view"),
    path("vraag/<int:pk>/", staff_views.question_view, name="question"),
    path("telefoon/", staff_views.log_call_view, name="log_call"),
    path("cijfers/", figures_views.figures_view, name="figures"),
    path("cijfers/<slug:export>/", figures_views.figures_view, name="figures_export"),
    path("vraag/<int:pk>/doorsturen/", pool_views.forward_view, name="forward"),
    path("doorgestuurd/<int:pk>/intrekken/", pool_views.withdraw_view, name="withdraw_forward"),
    path("vraag/<int:pk>/veelgestelde-vraag/", loop_views.make_faq_view, name="make_faq"),
    path("vraag/<int:pk>/signaal/", loop_views.signal_view, name="signal"),
    path("e-mail/", mail_views.inbound_list, name="inbound_list"),
    path("e-mail/<int:pk>/", mail_views.inbound_raw, name="inbound_raw"),
    path("vraag/<int:pk>/afspraak/", support_views.set_appointment, name="appointment"),
    path("vraag/<int:pk>/afzender/", mail_views.link_sender_view, name="link_sender"),
]
