from django.urls import path

from . import dossier_views, insight_views, member_views, triage_views

app_name = "advocacy"

urlpatterns = [
    path("", member_views.my_signals, name="mine"),
    path("melden/", member_views.report, name="report"),
    path("melden/controle/", member_views.privacy_hint, name="privacy_hint"),
    path("melden/vergelijkbaar/", member_views.similar_hint, name="similar"),
    path("<int:pk>/", member_views.signal_detail, name="signal"),
    path("<int:pk>/wij-zien-dit-ook/", member_views.cosign, name="cosign"),
    path("<int:pk>/intrekken/", member_views.withdraw, name="withdraw"),
    path("<int:pk>/bestand/<int:file_pk>/", member_views.signal_file, name="file"),
    path("<int:pk>/antwoord/", triage_views.answer_view, name="answer"),
    path("dossiers/<int:pk>/", dossier_views.council_dossier_view, name="dossier"),
    path("inzicht/", insight_views.dashboard_view, name="dashboard"),
    path("wat-we-doen/", insight_views.public_view, name="public"),
]
