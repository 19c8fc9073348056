"""The news overview and its feeds under /nieuws/ (before Wagtail's catch-all; the items
themselves are Wagtail pages under the news index, /nieuws/<slug>/)."""

from django.urls import path

from . import feeds, news_views

app_name = "news"

urlpatterns = [
    path("", news_views.overview, name="index"),
    path("rss/", feeds.NewsRssFeed(), name="rss"),
    path("atom/", feeds.NewsAtomFeed(), name="atom"),
]
