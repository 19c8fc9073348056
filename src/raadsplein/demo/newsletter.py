"""Demo Nieuws and Nieuwsbrief: news items, subscribers, sent editions and a draft, podcast
episodes and magazine issues (issue 14, part 10), each part in its own module, built in this
order (editions read the news and the subscribers)."""


def build(*, log) -> None:
    from . import newsletter_editions, newsletter_media, newsletter_news, newsletter_subscribers

    newsletter_news.build(log=log)
    newsletter_subscribers.build(log=log)
    newsletter_media.build(log=log)
    newsletter_editions.build(log=log)
