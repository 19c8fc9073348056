"""Subscribing: double opt-in from the website, one click from a member's profile, the
preferences behind the link in every mail, and the staff's changes to a subscriber.

Double opt-in (issue 14, part 2). ``request_subscription`` stores what was typed in a
``ConfirmationRequest`` and mails a link (``tokens.CONFIRM``, valid for
``NEWSLETTER_CONFIRM_DAYS``); only ``confirm`` turns the address active. Until then the
address gets nothing but that mail: editions go to active subscribers only. The answer is the
same whatever the address's state, so the form tells nobody whether an address is on the list:

- new, or pending: a (new) confirmation mail;
- unsubscribed, bounced or reported as spam: a new confirmation mail, the subscription itself
  unchanged until confirmed;
- active: nothing is sent and nothing changes (a stranger cannot change the preferences).

At most ``MAX_CONFIRMATIONS_PER_DAY`` confirmation mails go to one address in 24 hours, so
the form cannot be used to flood someone's inbox; more requests are silently dropped.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from raadsplein.accounts.models import FormOfAddress
from raadsplein.audit import services as audit
from raadsplein.jobs.services import once
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Province, SeatRole
from raadsplein.web import links

from . import tokens
from .models import MembershipFilter, Segment, Subscriber, SubscriberStatus
from .services import NewsletterError, normalise_email, unsubscribe
from .subscription_models import ConfirmationRequest

MAX_CONFIRMATIONS_PER_DAY = 3
WEBSITE = "website"
PROFILE = "profiel"


def _form(value: str) -> str:
    return value if value in FormOfAddress.values else FormOfAddress.FORMAL


def _codes(sectors: Iterable) -> list[str]:
    return sorted({getattr(s, "pk", s) for s in sectors})


def _ids(themes: Iterable) -> list[int]:
    return sorted({int(getattr(t, "pk", t)) for t in themes})


def _recent_requests(subscriber: Subscriber, now: datetime.datetime) -> int:
    return ConfirmationRequest.objects.filter(
        subscriber=subscriber, created_at__gt=now - datetime.timedelta(days=1)
    ).count()


@transaction.atomic
def request_subscription(
    *,
    email: str,
    name: str = "",
    form_of_address: str = FormOfAddress.FORMAL,
    sectors: Iterable = (),
    themes: Iterable = (),
) -> ConfirmationRequest | None:
    """Ask to subscribe ``email``: a confirmation mail when the address is not active (and
    not over the daily limit). Returns the request made, ``None`` when nothing was sent;
    callers must not show the difference. Raises ``NewsletterError`` only for an address that
    is invalid or disposable (then nothing is stored)."""
    email = normalise_email(email)
    now = timezone.now()
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email=email,
        defaults={"status": SubscriberStatus.PENDING, "consent_source": WEBSITE},
    )
    if subscriber.status == SubscriberStatus.ACTIVE:
        return None
    if _recent_requests(subscriber, now) >= MAX_CONFIRMATIONS_PER_DAY:
        return None
    request = ConfirmationRequest.objects.create(
        subscriber=subscriber,
        name=(name or "").strip()[:120],
        form_of_address=_form(form_of_address),
        sector_codes=_codes(sectors),
        theme_ids=_ids(themes),
        created_at=now,
    )
    transaction.on_commit(partial(_enqueue_confirmation, request.pk))
    return request


def _enqueue_confirmation(request_pk: int) -> None:
    from . import tasks

    tasks.send_confirmation.enqueue(request_pk)


def confirm_url(subscriber: Subscriber) -> str:
    return links.absolute(
        reverse("newsletter:confirm", args=[tokens.make(subscriber, tokens.CONFIRM)])
    )


def send_confirmation_mail(*, request_pk: int) -> bool:
    """The confirmation mail of one round, once: ``newsletter.confirm:<subscriber>:<round>``.
    False when it was sent before, or the round is gone or answered."""
    request = (
        ConfirmationRequest.objects.select_related("subscriber")
        .filter(pk=request_pk, confirmed_at=None)
        .first()
    )
    if request is None or request.subscriber.status == SubscriberStatus.ACTIVE:
        return False
    subscriber = request.subscriber
    with once(f"newsletter.confirm:{subscriber.pk}:{request.pk}") as first:
        if not first:
            return False
        informal = request.form_of_address == FormOfAddress.INFORMAL
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "name": request.name,
                "informal": informal,
                "url": confirm_url(subscriber),
                "days": settings.NEWSLETTER_CONFIRM_DAYS,
                "subscribe_url": links.absolute_reverse("newsletter:subscribe"),
            }
            subject = render_to_string("newsletter/mail/confirm_subject.txt", context)
            body = render_to_string("newsletter/mail/confirm.txt", context)
        EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
            headers={"Auto-Submitted": "auto-generated"},
        ).send()
        return True


def _valid_request(subscriber: Subscriber, now: datetime.datetime):
    """The newest unanswered round that still counts: within the confirmation period, and
    made after the address last left the list (an old link does not undo an unsubscribe)."""
    qs = ConfirmationRequest.objects.filter(
        subscriber=subscriber,
        created_at__gte=now - datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS),
    )
    if subscriber.unsubscribed_at:
        qs = qs.filter(created_at__gt=subscriber.unsubscribed_at)
    return qs.order_by("-created_at", "-pk").first()


def _set_preferences(subscriber: Subscriber, *, name, form_of_address, sectors, themes) -> None:
    subscriber.name = (name or "").strip()[:120]
    subscriber.form_of_address = _form(form_of_address)
    subscriber.save(update_fields=["name", "form_of_address"])
    subscriber.sectors.set(CareSector.objects.filter(pk__in=_codes(sectors)))
    subscriber.themes.set(Theme.objects.filter(pk__in=_ids(themes)))


@transaction.atomic
def confirm(*, subscriber: Subscriber) -> Subscriber:
    """Turn a confirmed address active with what was asked in its newest round, and record
    the consent. Confirming again is harmless (nothing changes). ``NewsletterError`` when
    there is no round that counts; then nothing changes."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.ACTIVE:
        return subscriber
    now = timezone.now()
    request = _valid_request(subscriber, now)
    if request is None:
        raise NewsletterError(
            _("Deze link werkt niet meer. Vraag een nieuwe aan; dat kan op de aanmeldpagina.")
        )
    _set_preferences(
        subscriber,
        name=request.name,
        form_of_address=request.form_of_address,
        sectors=request.sector_codes,
        themes=request.theme_ids,
    )
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = now
    subscriber.consent_at = now
    subscriber.consent_source = WEBSITE
    subscriber.unsubscribed_at = None
    subscriber.soft_bounces = 0
    subscriber.save(
        update_fields=[
            "status",
            "confirmed_at",
            "consent_at",
            "consent_source",
            "unsubscribed_at",
            "soft_bounces",
        ]
    )
    ConfirmationRequest.objects.filter(subscriber=subscriber, confirmed_at=None).update(
        confirmed_at=now
    )
    return subscriber


@transaction.atomic
def update_preferences(
    *, subscriber: Subscriber, name: str, form_of_address: str, sectors=(), themes=()
) -> Subscriber:
    """The subscriber's own choices (the link in every mail, or their profile)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    _set_preferences(
        subscriber, name=name, form_of_address=form_of_address, sectors=sectors, themes=themes
    )
    return subscriber


# Members: one click from the profile -------------------------------------------------------


def member_subscriber(user) -> Subscriber | None:
    """The subscription of a person with an account: linked to them, else their address."""
    return (
        Subscriber.objects.filter(user=user).first()
        or Subscriber.objects.filter(email=user.email.lower()).first()
    )


def _verified_address(user) -> str:
    email = (user.email or "").strip().lower()
    if (
        not email
        or not EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    ):
        raise NewsletterError(
            _(
                "Uw e-mailadres is nog niet bevestigd. Bevestig het eerst bij ‘E-mailadres’, "
                "dan kunt u zich met één klik aanmelden."
            )
        )
    return email


@transaction.atomic
def subscribe_member(*, user) -> Subscriber:
    """A member's one click: their verified address becomes an active subscriber linked to
    them (consent source "profiel"). An address already on the list is linked, whatever its
    state, and made active; preferences stay as they were."""
    email = _verified_address(user)
    now = timezone.now()
    by_address = Subscriber.objects.select_for_update().filter(email=email).first()
    linked = Subscriber.objects.select_for_update().filter(user=user).first()
    if linked is not None and by_address is not None and linked.pk != by_address.pk:
        # The person changed their address: the subscription moves to the current one.
        linked.user = None
        linked.save(update_fields=["user"])
        linked = None
    subscriber = by_address or linked
    if subscriber is None:
        subscriber = Subscriber(email=email, form_of_address=_form(user.form_of_address))
    subscriber.email = email
    subscriber.user = user
    if subscriber.status != SubscriberStatus.ACTIVE:
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.consent_source = PROFILE
        subscriber.consent_at = now
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.soft_bounces = 0
    subscriber.full_clean(validate_unique=False)
    subscriber.save()
    return subscriber


@transaction.atomic
def unsubscribe_member(*, user) -> bool:
    """The same button, the other way: True when the person was on the list."""
    subscriber = member_subscriber(user)
    if subscriber is None:
        return False
    if subscriber.user_id is None:
        Subscriber.objects.filter(pk=subscriber.pk).update(user=user)
    return unsubscribe(subscriber=subscriber)


# Staff ------------------------------------------------------------------------------------


@transaction.atomic
def change_subscriber(
    *,
    subscriber: Subscriber,
    by,
    status: str,
    name: str,
    form_of_address: str,
    sectors=(),
    themes=(),
) -> Subscriber:
    """A member of staff corrects a subscriber (audit ``newsletter.subscriber.changed``).
    Staff may not make a pending address active: that needs the person's own confirmation."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    before = {
        "status": subscriber.status,
        "name": subscriber.name,
        "form_of_address": subscriber.form_of_address,
        "sectors": _codes(subscriber.sectors.all()),
        "themes": _ids(subscriber.themes.all()),
    }
    if status != subscriber.status:
        if status not in SubscriberStatus.values:
            raise NewsletterError(_("Kies een status uit de lijst."))
        if status == SubscriberStatus.ACTIVE and subscriber.consent_at is None:
            raise NewsletterError(
                _(
                    "Dit adres is nooit bevestigd. Alleen de persoon zelf kan het aanmelden, "
                    "met de link in de bevestigingsmail."
                )
            )
        subscriber.status = status
        if status == SubscriberStatus.ACTIVE:
            subscriber.unsubscribed_at = None
            subscriber.soft_bounces = 0
        elif status == SubscriberStatus.UNSUBSCRIBED:
            subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at", "soft_bounces"])
    _set_preferences(
        subscriber, name=name, form_of_address=form_of_address, sectors=sectors, themes=themes
    )
    after = {
        "status": subscriber.status,
        "name": subscriber.name,
        "form_of_address": subscriber.form_of_address,
        "sectors": _codes(sectors),
        "themes": _ids(themes),
    }
    changed = sorted(key for key in before if before[key] != after[key])
    if changed:
        audit.log(
            actor=by,
            action="newsletter.subscriber.changed",
            obj=subscriber,
            subject=subscriber.user,
            data={"fields": ", ".join(changed), "status": subscriber.status},
        )
    return subscriber


@transaction.atomic
def save_segment(
    *,
    by,
    segment: Segment | None = None,
    name: str,
    description: str = "",
    sectors=(),
    themes=(),
    council_roles=(),
    provinces=(),
    membership: str = "",
) -> Segment:
    """Create or change a saved segment; its subscribers are counted when it is used."""
    segment = segment or Segment()
    name = " ".join((name or "").split())
    if Segment.objects.filter(name__iexact=name).exclude(pk=segment.pk).exists():
        raise NewsletterError(_("Er is al een segment met deze naam."))
    roles = sorted(set(council_roles))
    places = sorted(set(provinces))
    if not set(roles) <= set(SeatRole.values) or not set(places) <= set(Province.values):
        raise NewsletterError(_("Kies rollen en provincies uit de lijst."))
    if membership not in MembershipFilter.values:
        raise NewsletterError(_("Kies bij lidmaatschap een van de mogelijkheden."))
    segment.name, segment.description = name, (description or "").strip()
    segment.council_roles, segment.provinces, segment.membership = roles, places, membership
    try:
        segment.full_clean()
    except ValidationError as error:
        raise NewsletterError(" ".join(error.messages)) from error
    segment.save()
    segment.sectors.set(CareSector.objects.filter(pk__in=_codes(sectors)))
    segment.themes.set(Theme.objects.filter(pk__in=_ids(themes)))
    return segment


UNCONFIRMED_DAYS = 30


@transaction.atomic
def forget_unconfirmed(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Retention: an address someone typed but nobody confirmed is deleted after
    ``UNCONFIRMED_DAYS``, and so are confirmation rounds of that age (what was typed in them).
    Returns (addresses, rounds) deleted. ``manage.py forget_unconfirmed_subscribers``, daily."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    recent = ConfirmationRequest.objects.filter(created_at__gte=cutoff).values("subscriber_id")
    stale = Subscriber.objects.filter(
        status=SubscriberStatus.PENDING,
        consent_at=None,
        confirmed_at=None,
        user=None,
        created_at__lt=cutoff,
    ).exclude(pk__in=recent)
    addresses = stale.count()
    stale.delete()
    rounds, _by_model = ConfirmationRequest.objects.filter(created_at__lt=cutoff).delete()
    return addresses, rounds
