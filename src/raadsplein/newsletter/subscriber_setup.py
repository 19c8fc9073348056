"""What the subscriber part adds to the site at start-up (``NewsletterConfig.ready``): the
"Nieuwsbrief" panel on Mijn Raadsplein with its one button, the staff link to the subscriber
screens, and the personal-data section."""

from django.utils.translation import gettext_lazy as _


def _panel(request) -> dict:
    from . import subscriptions, tokens

    subscriber = subscriptions.member_subscriber(request.user)
    preferences_url = None
    if subscriber is not None:
        from django.urls import reverse

        preferences_url = reverse(
            "newsletter:preferences", args=[tokens.make(subscriber, tokens.PREFERENCES)]
        )
    return {
        "subscriber": subscriber,
        "active": bool(subscriber and subscriber.is_active),
        "preferences_url": preferences_url,
    }


def _manages_subscribers(user) -> bool:
    return user.has_perm("newsletter.manage_subscribers")


def ready() -> None:
    from raadsplein.web import navigation

    from . import personal_data

    navigation.register_panel(
        key="newsletter",
        template="newsletter/subscribe_panel.html",
        order=80,
        context=_panel,
    )
    navigation.register_staff_link(
        key="newsletter_subscribers",
        label=_("Nieuwsbrief: abonnees"),
        url_name="newsletter_subscribers:list",
        order=31,
        visible=_manages_subscribers,
    )
    personal_data.register()
