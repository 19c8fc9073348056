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
LINK_SLOT = "RPTOKENRP"  # in a reversed URL, replaced by each person's token

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
    """Renders one edition for many subscribers; keep one per sending batch.

    The blocks are read once. A variant is the list of blocks a reader gets (those for
    everyone and those of their sectors) and the form of address; each is rendered and
    inlined once, then the greeting and the two personal links are substituted per message.
    Readers whose sectors select the same blocks share a variant, so an edition with blocks
    for three sectors renders at most a handful of times, whatever the list's size."""

    edition: Edition
    _variants: dict = field(default_factory=dict)
    _items: list | None = None
    _patterns: dict = field(default_factory=dict)

    def items(self) -> list:
        if self._items is None:
            self._items = selectors.items_for(self.edition, None)
        return self._items

    def visible(self, sector_ids) -> list:
        """The blocks for a reader of these sectors (none: every block)."""
        items = self.items()
        if not sector_ids:
            return items
        return [item for item in items if item.sector_id is None or item.sector_id in sector_ids]

    def variant(self, sector_ids: frozenset, form: str) -> Variant:
        items = self.visible(sector_ids)
        key = (tuple(item.pk for item in items), form)
        if key not in self._variants:
            self._variants[key] = self._render(items, informal=form == FormOfAddress.INFORMAL)
        return self._variants[key]

    def _render(self, items: list, *, informal: bool) -> Variant:
        edition = self.edition
        context = {
            "edition": edition,
            "items": items,
            "informal": informal,
            "preheader": _preheader(edition, items),
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

    def _link(self, name: str, token: str) -> str:
        """``links.absolute(reverse(name, args=[token]))``, with the reverse done once."""
        if name not in self._patterns:
            self._patterns[name] = links.absolute(reverse(name, args=[LINK_SLOT]))
        return self._patterns[name].replace(LINK_SLOT, token)

    def build(self, subscriber: Subscriber, *, sector_ids=None) -> EmailMultiAlternatives:
        """The message for one subscriber. ``sector_ids``: their sectors when the caller
        already has them (sending reads them for a whole batch at once)."""
        from .bounces import return_path

        if sector_ids is None:
            sector_ids = selectors.subscriber_sector_ids(subscriber)
        with translation.override(settings.LANGUAGE_CODE):
            variant = self.variant(frozenset(sector_ids), subscriber.form_of_address)
            hello = greeting(subscriber)
        token = tokens.make(subscriber, tokens.UNSUBSCRIBE)
        unsubscribe = self._link("newsletter:unsubscribe", token)
        preferences = self._link(
            "newsletter:preferences", tokens.make(subscriber, tokens.PREFERENCES)
        )
        values = {GREETING: hello, UNSUBSCRIBE: unsubscribe, PREFERENCES: preferences}
        text, html = variant.text, variant.html
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
            html = html.replace(placeholder, escape(value))
        mailto = f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_ADDRESS}?subject=afmelden%20{token}"
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


def _preheader(edition: Edition, items: list) -> str:
    """The line a mail program shows after the subject: the first blocks' headings."""
    headings = [item.heading for item in items[:3]]
    return " · ".join(headings) if headings else edition.intro[:140]


def build_message(edition: Edition, subscriber: Subscriber) -> EmailMultiAlternatives:
    """One message, rendered on its own (a preview, a test send)."""
    return Renderer(edition).build(subscriber)
