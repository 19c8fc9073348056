from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("mijn-raden/", views.my_councils, name="my_councils"),
    path("<int:pk>/", views.council_detail, name="council_detail"),
    path("<int:pk>/profiel/", views.council_profile, name="council_profile"),
]
