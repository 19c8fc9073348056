from django.urls import path

from . import member_views

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
]
