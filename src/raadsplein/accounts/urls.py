from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("mijn-gegevens/", views.personal_data, name="personal_data"),
    path("mijn-gegevens/download/", views.personal_data_download, name="personal_data_download"),
    path("mijn-gegevens/wissen/", views.erase, name="erase"),
    path("api-sleutels/", views.api_tokens, name="api_tokens"),
    path("api-sleutels/<int:pk>/intrekken/", views.api_token_revoke, name="api_token_revoke"),
    # Comes before allauth's own route of the same path (see views.ConfirmLoginCodeView).
    path("login/code/confirm/", views.ConfirmLoginCodeView.as_view(), name="confirm_login_code"),
]
