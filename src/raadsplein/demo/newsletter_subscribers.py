"""Demo subscribers of the newsletter: about 4,500 confirmed readers with made-up addresses
(lezer0001@demo.raadsplein.nl, …), half of the demo people with an account linked to theirs,
and a few who unsubscribed, bounced or never confirmed, so the staff's screens show every
state. Preferences vary (sectors, themes, "u" or "je"); every row has consent source "demo".

Written in bulk (no mail, no audit entries), with a fixed random seed: the same list every
time. Made once: a second run sees the demo rows and changes nothing. It runs in every test
module that builds the demo world, so it is kept to a few bulk inserts (well under a second).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from raadsplein.accounts.models import FormOfAddress
from raadsplein.knowledge.models import Theme
from raadsplein.newsletter.models import Subscriber, SubscriberStatus
from raadsplein.organisations.models import CareSector

from . import DEMO_DOMAIN, content

SOURCE = "demo"
ACTIVE = 4_500  # confirmed readers, linked people included
OTHERS = {
    SubscriberStatus.UNSUBSCRIBED: 40,
    SubscriberStatus.BOUNCED: 8,
    SubscriberStatus.COMPLAINED: 2,
    SubscriberStatus.PENDING: 5,
}
# Left off the list so the one-click button shows on their Mijn Raadsplein.
NOT_SUBSCRIBED = {f"nietlid@{DEMO_DOMAIN}", f"ondersteuner@{DEMO_DOMAIN}"}
DAY = datetime.timedelta(days=1)


def _people() -> list:
    """Every second demo person with an account (in pk order), and the fixed members."""
    User = get_user_model()
    people = list(
        User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}", is_active=True)
        .exclude(email__in=NOT_SUBSCRIBED)
        .order_by("pk")
        .only("pk", "email", "form_of_address")
    )
    fixed = {f"lid@{DEMO_DOMAIN}", f"voorzitter@{DEMO_DOMAIN}"}
    return [p for i, p in enumerate(people) if i % 2 == 0 or p.email in fixed]


def _preferences(rng: random.Random, sectors: list[str], themes: list[int]):
    # Most readers choose nothing (everything); some one or two sectors, some themes.
    n_sectors = rng.choices([0, 1, 2], weights=[50, 35, 15])[0]
    n_themes = rng.choices([0, 1, 2, 3], weights=[55, 25, 15, 5])[0]
    return rng.sample(sectors, min(n_sectors, len(sectors))), rng.sample(
        themes, min(n_themes, len(themes))
    )


@transaction.atomic
def build(*, log) -> None:
    if Subscriber.objects.filter(consent_source=SOURCE).exists():
        log("Nieuwsbrief: de demo-abonnees bestaan al")
        return
    rng = random.Random(14)
    now = timezone.now()
    names = content.load_yaml("organisations.yaml")
    first, last = names["first_names"], names["last_names"]
    sectors = list(CareSector.objects.order_by("order", "code").values_list("pk", flat=True))
    themes = list(Theme.objects.order_by("name").values_list("pk", flat=True))
    taken = set(Subscriber.objects.values_list("email", flat=True))

    rows: list[tuple[Subscriber, list, list]] = []

    def add(email, status, *, user=None, name="", form=FormOfAddress.FORMAL):
        if email in taken:
            return
        taken.add(email)
        consent = now - DAY * rng.randint(7, 3 * 365)
        confirmed = status != SubscriberStatus.PENDING
        subscriber = Subscriber(
            email=email,
            user=user,
            name=name,
            form_of_address=form,
            status=status,
            consent_source=SOURCE,
            consent_at=consent if confirmed else None,
            confirmed_at=consent if confirmed else None,
            unsubscribed_at=(
                now - DAY * rng.randint(1, 300)
                if status in (SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.COMPLAINED)
                else None
            ),
            soft_bounces=0,
            last_bounce_at=now - DAY * rng.randint(1, 60)
            if status == SubscriberStatus.BOUNCED
            else None,
        )
        rows.append((subscriber, *_preferences(rng, sectors, themes)))

    for person in _people():
        add(person.email, SubscriberStatus.ACTIVE, user=person, form=person.form_of_address)
    for n in range(1, ACTIVE - len(rows) + 1):
        informal = rng.random() < 0.3
        named = rng.random() < 0.7
        name = f"{rng.choice(first)} {rng.choice(last)}" if named else ""
        form = FormOfAddress.INFORMAL if informal else FormOfAddress.FORMAL
        add(f"lezer{n:04d}@{DEMO_DOMAIN}", SubscriberStatus.ACTIVE, name=name, form=form)
    for status, count in OTHERS.items():
        for i in range(1, count + 1):
            add(f"oud-{status}{i:02d}@{DEMO_DOMAIN}", status, name=rng.choice(first))

    subscribers = [s for s, *_ in rows]
    Subscriber.objects.bulk_create(subscribers, batch_size=2000)
    sector_through, theme_through = Subscriber.sectors.through, Subscriber.themes.through
    sector_through.objects.bulk_create(
        [
            sector_through(subscriber_id=s.pk, caresector_id=code)
            for s, chosen, _themes in rows
            for code in chosen
        ],
        batch_size=5000,
    )
    theme_through.objects.bulk_create(
        [
            theme_through(subscriber_id=s.pk, theme_id=pk)
            for s, _sectors, chosen in rows
            for pk in chosen
        ],
        batch_size=5000,
    )
    active = sum(1 for s in subscribers if s.status == SubscriberStatus.ACTIVE)
    linked = sum(1 for s in subscribers if s.user_id)
    log(
        f"Nieuwsbrief: {active} demo-abonnees aangemeld ({linked} met een account), "
        f"{len(subscribers) - active} afgemeld, onbestelbaar of onbevestigd"
    )
