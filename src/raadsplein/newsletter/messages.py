"""One edition as the message one subscriber gets: HTML (CSS inlined with css-inline) and plain
text, the personal greeting, the blocks of their sectors, and the headers a bulk sender owes
the receiving side: ``Message-ID`` (stable per edition and subscriber), ``List-Unsubscribe``
with an https and a mailto address, ``List-Unsubscribe-Post`` (RFC 8058), ``List-Id``, and a
tokenised return path for bounces (``bounces.return_path``). Links go straight to their pages:
no tracking pixel, no redirect, nothing per person but the greeting and the tokens.

Rendering is the costly part of sending, so ``Renderer`` renders each variant (the set of
blocks and the form of address) once, with placeholders, and fills in the person's greeting
and links per message.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from raadsplein.accounts.models import FormOfAddress
from raadsplein.web import links

from . import selectors, tokens
from .models import Edition, Subscriber

# Placeholders the variant is rendered with; they survive escaping and inlining unchanged.
GREETING = "RPGREETINGRP"
UNSUBSCRIBE = "RPUNSUBSCRIBERP"
PREFERENCES = "RPPREFERENCESRP"
PLACEHOLDERS = (GREETING, UNSUBSCRIBE, PREFERENCES)

CSS_FILE = Path(__file__).parent / "static" / "newsletter" / "mail.css"


@functools.lru_cache(maxsize=1)
def _inliner() -> css_inline.CSSInliner:
    # The <style> element stays for what cannot be inlined (dark mode, narrow screens).
    return css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


def _css() -> str:
    return CSS_FILE.read_text(encoding="utf-8") if CSS_FILE.exists() else ""


def greeting(subscriber: Subscriber) -> str:
    name = subscriber.name.strip()
    if not name and subscriber.user_id:
        name = subscriber.user.get_full_name()
    if subscriber.form_of_address == FormOfAddress.INFORMAL:
        first = name.split()[0] if name else ""
        return _("Hoi %(name)s,") % {"name": first} if first else _("Hoi,")
    return _("Beste %(name)s,") % {"name": name} if name else _("Beste lezer,")


def unsubscribe_url(subscriber: Subscriber) -> str:
    return links.absolute(
        reverse("newsletter:unsubscribe", args=[tokens.make(subscriber, tokens.UNSUBSCRIBE)])
    )


def preferences_url(subscriber: Subscriber) -> str:
    return links.absolute(
        reverse("newsletter:preferences", args=[tokens.make(subscriber, tokens.PREFERENCES)])
    )


def archive_url(edition: Edition) -> str:
    return links.absolute(reverse("newsletter:edition", args=[edition.pk]))


def message_id(edition: Edition, subscriber: Subscriber) -> str:
    return f"<nieuwsbrief.{edition.pk}.{subscriber.pk}@{links.domain()}>"


@dataclass
class Variant:
    subject: str
    text: str
    html: str


@dataclass
class Renderer:
    """Renders one edition for many subscribers; keep one per sending batch."""

    edition: Edition
    _variants: dict = field(default_factory=dict)

    def variant(self, sector_ids: frozenset[int], form: str) -> Variant:
        key = (sector_ids, form)
        if key not in self._variants:
            self._variants[key] = self._render(sector_ids)
        return self._variants[key]

    def _render(self, sector_ids: frozenset[int]) -> Variant:
        edition = self.edition
        context = {
            "edition": edition,
            "items": selectors.items_for(edition, set(sector_ids)),
            "greeting": GREETING,
            "unsubscribe_url": UNSUBSCRIBE,
            "preferences_url": PREFERENCES,
            "archive_url": archive_url(edition),
            "site_url": links.base_url(),
            "css": _css(),
        }
        html = render_to_string("newsletter/mail/edition.html", context)
        html = _inliner().inline(html)
        text = render_to_string("newsletter/mail/edition.txt", context)
        return Variant(subject=edition.subject, text=text, html=html)

    def build(self, subscriber: Subscriber, *, sector_ids=None) -> EmailMultiAlternatives:
        """The message for one subscriber. ``sector_ids``: their sectors when the caller
        already has them (sending reads them for a whole batch at once)."""
        from .bounces import return_path

        if sector_ids is None:
            sector_ids = selectors.subscriber_sector_ids(subscriber)
        with translation.override(settings.LANGUAGE_CODE):
            variant = self.variant(frozenset(sector_ids), subscriber.form_of_address)
            hello = greeting(subscriber)
        unsubscribe = unsubscribe_url(subscriber)
        preferences = preferences_url(subscriber)
        values = {GREETING: hello, UNSUBSCRIBE: unsubscribe, PREFERENCES: preferences}
        text, html = variant.text, variant.html
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
            html = html.replace(placeholder, escape(value))
        mailto = f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_ADDRESS}?subject=" + (
            "afmelden%20" + tokens.make(subscriber, tokens.UNSUBSCRIBE)
        )
        # The envelope sender is the tokenised return path (Django's backends use
        # ``from_email`` for it); the From header people see is the newsletter's address.
        message = EmailMultiAlternatives(
            subject=variant.subject,
            body=text,
            from_email=return_path(self.edition, subscriber),
            to=[subscriber.email],
            headers={
                "From": settings.NEWSLETTER_FROM_EMAIL,
                "Message-ID": message_id(self.edition, subscriber),
                "List-Unsubscribe": f"<{unsubscribe}>, <{mailto}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"Nieuwsbrief Raadsplein <nieuwsbrief.{links.domain()}>",
                "Precedence": "bulk",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(html, "text/html")
        return message


def build_message(edition: Edition, subscriber: Subscriber) -> EmailMultiAlternatives:
    """One message, rendered on its own (a preview, a test send)."""
    return Renderer(edition).build(subscriber)
