"""The public pages of subscribing: the form (double opt-in), confirming, the preferences behind
the link in every mail, and a member's one click from Mijn Raadsplein. Parse, call a service in
``subscriptions.py``, render.

The answer to the form is a redirect to one and the same page whatever the address's state,
so nobody learns from it whether an address is on the list. Confirming asks for one press on a
button (a POST): a link scanner that opens the mail's link confirms nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from raadsplein.organisations.access import signed_in

from . import services, subscriptions, tokens
from .forms import PreferencesForm, SubscribeForm

SENT = "verstuurd"


def _bad_link(request) -> HttpResponse:
    return render(request, "newsletter/subscribe_bad_link.html", status=400)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method == "GET" and request.GET.get(SENT):
        days = settings.NEWSLETTER_CONFIRM_DAYS
        return render(request, "newsletter/subscribe_sent.html", {"days": days})
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            subscriptions.request_subscription(
                email=data["email"],
                name=data["name"],
                form_of_address=data["form_of_address"],
                sectors=data["sectors"],
                themes=data["themes"],
            )
        except services.NewsletterError as error:
            form.add_error("email", str(error))
        else:
            return redirect(f"{reverse('newsletter:subscribe')}?{SENT}=1")
    return render(request, "newsletter/subscribe.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    try:
        subscriber = tokens.read(token, tokens.CONFIRM)
    except tokens.BadToken:
        return _bad_link(request)
    if request.method == "POST":
        try:
            subscriber = subscriptions.confirm(subscriber=subscriber)
        except services.NewsletterError:
            return _bad_link(request)
        return render(
            request,
            "newsletter/subscribe_confirmed.html",
            {
                "email": subscriber.email,
                "preferences_url": reverse(
                    "newsletter:preferences", args=[tokens.make(subscriber, tokens.PREFERENCES)]
                ),
            },
        )
    return render(
        request,
        "newsletter/subscribe_confirm.html",
        {"email": subscriber.email, "active": subscriber.is_active},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token: str):
    try:
        subscriber = tokens.read(token, tokens.PREFERENCES)
    except tokens.BadToken:
        return _bad_link(request)
    if request.method == "POST" and request.POST.get("action") == "unsubscribe":
        services.unsubscribe(subscriber=subscriber)
        return render(request, "newsletter/unsubscribed.html", {"email": subscriber.email})
    form = PreferencesForm.for_subscriber(subscriber, request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriptions.update_preferences(subscriber=subscriber, **form.cleaned_data)
        messages.success(request, _("Uw voorkeuren zijn opgeslagen."))
        return redirect(request.path)
    return render(
        request,
        "newsletter/preferences.html",
        {"form": form, "subscriber": subscriber, "token": token},
    )


@signed_in
@require_POST
def member_subscription(request):
    """The one button on Mijn Raadsplein: subscribe with the account's address, or leave."""
    try:
        if request.POST.get("action") == "unsubscribe":
            subscriptions.unsubscribe_member(user=request.user)
            messages.success(request, _("U bent afgemeld voor de nieuwsbrief."))
        else:
            subscriptions.subscribe_member(user=request.user)
            messages.success(request, _("U bent aangemeld. U krijgt de nieuwsbrief elke maandag."))
    except services.NewsletterError as error:
        messages.error(request, str(error))
    return redirect("web:dashboard")
