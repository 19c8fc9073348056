from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _home_news(request) -> dict:
    # The home page is cached for anonymous visitors: the same three public items for all.
    from . import news_selectors

    news = news_selectors.latest_public_news(limit=3)
    return {"news": news} if news else {}


def _panel_news(request) -> dict:
    from raadsplein.knowledge.rules import sees_members_content

    from . import news_selectors

    if sees_members_content(request.user):
        return {"news": news_selectors.latest_news_for_members(limit=5)}
    return {"news": news_selectors.latest_public_news(limit=5)}


def _edits_newsletter(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "newsletter.manage_newsletter"
    )


class NewsletterConfig(AppConfig):
    name = "raadsplein.newsletter"
    label = "newsletter"
    verbose_name = _("Nieuwsbrief")

    def ready(self) -> None:
        from raadsplein.web import files, navigation

        from . import news_cache, rules, subscriber_setup  # noqa: F401 (rules: permissions)
        from .magazine_models import register_files as register_magazine_files
        from .news_models import NewsIndexPage, NewsPage
        from .news_rules import can_view_news
        from .podcast_models import register_files as register_podcast_files

        navigation.register(key="news", label=_("Nieuws"), url_name="news:index", order=45)
        navigation.register_home_section(
            key="news", template="newsletter/news_home.html", order=10, context=_home_news
        )
        navigation.register_panel(
            key="news", template="newsletter/panels/news_latest.html", order=15, context=_panel_news
        )
        files.register(
            NewsPage, live=lambda page: page.live, may_view=can_view_news, open_to_members=True
        )
        files.register(NewsIndexPage, live=lambda page: page.live, may_view=lambda user, page: True)
        news_cache.connect()

        navigation.register_staff_link(
            key="newsletter_editions",
            label=_("Nieuwsbrief: edities"),
            url_name="newsletter_staff:editions",
            order=40,
            visible=_edits_newsletter,
        )
        subscriber_setup.ready()  # Mijn Raadsplein panel, staff link, personal data
        register_podcast_files()
        register_magazine_files()
