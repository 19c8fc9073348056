"""The newsletter's public pages under /nieuwsbrief/ (staff screens: ``staff_urls.py`` under
/nieuwsbrief/redactie/). Names are used in mail links: keep them."""

from django.urls import path

from . import archive_views, subscribe_views, unsubscribe_views

app_name = "newsletter"

urlpatterns = [
    # Subscribing, confirming, preferences (subscribe_views.py)
    path("", subscribe_views.subscribe, name="subscribe"),
    path("bevestigen/<str:token>/", subscribe_views.confirm, name="confirm"),
    path("voorkeuren/<str:token>/", subscribe_views.preferences, name="preferences"),
    path("mijn-aanmelding/", subscribe_views.member_subscription, name="member_subscription"),
    # One-click unsubscribe, RFC 8058 (unsubscribe_views.py)
    path("afmelden/<str:token>/", unsubscribe_views.unsubscribe, name="unsubscribe"),
    # The public archive (archive_views.py)
    path("archief/", archive_views.archive, name="archive"),
    path("archief/<int:pk>/", archive_views.edition, name="edition"),
]
