"""The editors' screens for subscribers, segments and the import under /nieuwsbrief/abonnees/."""

app_name = "newsletter_subscribers"

urlpatterns: list = []
