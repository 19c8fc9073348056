"""The editors' screens for editions under /nieuwsbrief/redactie/ (edition_views.py)."""

app_name = "newsletter_staff"

urlpatterns: list = []
