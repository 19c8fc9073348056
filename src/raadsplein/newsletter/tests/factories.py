import datetime

import factory

from raadsplein.newsletter.models import (
    Edition,
    EditionItem,
    ItemKind,
    Subscriber,
    SubscriberStatus,
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lezer{n}@voorbeeld.nl")
    name = factory.Sequence(lambda n: f"Lezer {n}")
    status = SubscriberStatus.ACTIVE
    consent_source = "test"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    title = factory.Sequence(lambda n: f"Nieuwsbrief week {n}")
    subject = factory.LazyAttribute(lambda o: o.title)
    intro = "Het nieuws van deze week."
    week_of = datetime.date(2026, 11, 30)


class EditionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditionItem

    edition = factory.SubFactory(EditionFactory)
    position = factory.Sequence(lambda n: n)
    kind = ItemKind.NEWS
    heading = factory.Sequence(lambda n: f"Bericht {n}")
    text = "Een korte tekst."
    url = "https://raadsplein.example/nieuws/bericht/"
