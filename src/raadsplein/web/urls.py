from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("mijn/", views.dashboard, name="dashboard"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("lid-worden/", views.membership, name="membership"),
    path("contact/", views.contact, name="contact"),
]
