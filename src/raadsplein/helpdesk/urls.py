from django.urls import path

from . import attachment_views, pool_views, satisfaction_views, support_views, views

app_name = "helpdesk"

urlpatterns = [
    path("vraag-stellen/", views.ask, name="ask"),
    path("ondersteuning/", support_views.request_support, name="support"),
    path("vraag/<int:pk>/afspraak.ics", support_views.appointment_ics, name="appointment_ics"),
    path("mijn-vragen/", views.my_questions, name="my_questions"),
    path("vraag/<int:pk>/", views.question_detail, name="question"),
    path("vraag/<int:pk>/verstuurd/", views.asked, name="asked"),
    path("vraag/<int:pk>/reageren/", views.question_reply, name="reply"),
    path("expert/", pool_views.expert_list, name="expert_list"),
    path("expert/<int:pk>/", pool_views.expert_forward, name="expert_forward"),
    path(
        "expert/<int:pk>/bijlage/<int:attachment>/",
        pool_views.expert_attachment,
        name="expert_attachment",
    ),
    path("vraag/<int:pk>/tevredenheid/", satisfaction_views.score_question, name="score"),
    path("tevredenheid/<str:token>/", satisfaction_views.score_by_link, name="satisfaction"),
    path(
        "vraag/<int:pk>/bijlage/<int:attachment_pk>/",
        attachment_views.attachment_file,
        name="attachment",
    ),
]
