"""The demo world's providers, councils, people and seats. All names are made up."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from raadsplein.accounts import roles
from raadsplein.organisations.models import (
    CareProvider,
    CareSector,
    Council,
    CouncilKind,
    CouncilMembership,
    CouncilMembershipKind,
    IndividualMembership,
    IndividualMembershipKind,
    MembershipStatus,
    ProviderLocation,
    Province,
    Region,
    Seat,
    SeatRole,
)
from raadsplein.organisations.reference import ensure_reference_data

from . import DEMO_DOMAIN, DEMO_PASSWORD

PLACES = {
    Province.GRONINGEN: ["Groningen", "Veendam", "Winsum"],
    Province.FRIESLAND: ["Leeuwarden", "Sneek", "Drachten"],
    Province.DRENTHE: ["Assen", "Emmen", "Meppel"],
    Province.OVERIJSSEL: ["Zwolle", "Deventer", "Enschede"],
    Province.FLEVOLAND: ["Almere", "Lelystad", "Emmeloord"],
    Province.GELDERLAND: ["Arnhem", "Nijmegen", "Apeldoorn"],
    Province.UTRECHT: ["Utrecht", "Amersfoort", "Zeist"],
    Province.NOORD_HOLLAND: ["Haarlem", "Alkmaar", "Hoorn"],
    Province.ZUID_HOLLAND: ["Leiden", "Delft", "Gouda"],
    Province.ZEELAND: ["Middelburg", "Goes", "Terneuzen"],
    Province.NOORD_BRABANT: ["Tilburg", "Eindhoven", "Breda"],
    Province.LIMBURG: ["Maastricht", "Venlo", "Roermond"],
}
REGION_OF = {
    Province.GRONINGEN: "noord",
    Province.FRIESLAND: "noord",
    Province.DRENTHE: "noord",
    Province.OVERIJSSEL: "oost",
    Province.GELDERLAND: "oost",
    Province.UTRECHT: "midden",
    Province.FLEVOLAND: "midden",
    Province.NOORD_HOLLAND: "noord-west",
    Province.ZUID_HOLLAND: "zuid-west",
    Province.ZEELAND: "zuid-west",
    Province.NOORD_BRABANT: "zuid",
    Province.LIMBURG: "zuid",
}
PROVIDER_PREFIX = ["Zorggroep", "Stichting", "Woonzorg", "Zorgcentrum", "Zorgorganisatie"]
PROVIDER_NAMES = [
    "De Linde",
    "Het Baken",
    "De Wilgenhof",
    "Zonnehuis",
    "De Brug",
    "Het Anker",
    "De Vlinder",
    "Het Kompas",
    "De Eik",
    "Rivierzicht",
    "De Horizon",
    "Het Lichtpunt",
    "De Hoeksteen",
    "Duinrand",
    "De Meander",
    "Polderweide",
    "Het Veer",
    "De Bongerd",
    "Heuvelland",
    "De Klaproos",
]
SECTOR_PROFILES = [
    (["ouderenzorg", "thuiszorg"], True),
    (["ggz"], True),
    (["gehandicaptenzorg"], True),
    (["jeugdzorg"], False),
    (["ziekenhuiszorg"], False),
    (["thuiszorg"], False),
    (["ouderenzorg"], True),
]
FIRST_NAMES = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Els",
    "Frank",
    "Greet",
    "Henk",
    "Ineke",
    "Jan",
    "Karin",
    "Lucas",
    "Marja",
    "Nico",
    "Olga",
    "Pieter",
    "Ria",
    "Sander",
    "Tineke",
    "Wim",
    "Yvonne",
    "Ahmed",
    "Fatima",
    "Mehmet",
    "Sevda",
    "Rachid",
    "Priya",
    "Kees",
    "Joke",
    "Gerrit",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Yilmaz",
    "El Amrani",
    "Boukhari",
    "Ramdin",
    "van Dam",
    "Koster",
    "Prins",
    "Huisman",
]

FIXED_PEOPLE = {
    "lid": ("Marja", "Kok (demo)"),
    "voorzitter": ("Henk", "Dijkstra (demo)"),
    "ondersteuner": ("Sevda", "Yilmaz (demo)"),
    "nietlid": ("Kees", "Prins (demo)"),
    "adviseur": ("Ineke", "Brouwer (demo)"),
    "redacteur": ("Daan", "de Wit (demo)"),
    "beheerder": ("Olga", "Huisman (demo)"),
}
STAFF = {"adviseur": roles.ADVISEUR, "redacteur": roles.REDACTEUR, "beheerder": roles.BEHEERDER}
INDIVIDUAL = [
    ("vriend", IndividualMembershipKind.VRIEND),
    ("ambassadeur", IndividualMembershipKind.AMBASSADEUR),
    ("vrijwilliger", IndividualMembershipKind.VRIJWILLIGER),
    ("persoonlijklid", IndividualMembershipKind.LID),
]


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _ensure_people(specs: list[tuple[str, str, str]], password_hash: str) -> dict[str, object]:
    """Create or refresh demo people (email, first, last) in bulk, with verified addresses."""
    User = get_user_model()
    emails = [email for email, _, _ in specs]
    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    new = [
        User(email=email, first_name=first, last_name=last, password=password_hash)
        for email, first, last in specs
        if email not in existing
    ]
    User.objects.bulk_create(new, batch_size=500)
    User.objects.filter(email__in=emails).update(password=password_hash, is_active=True)
    people = {u.email: u for u in User.objects.filter(email__in=emails)}
    verified = set(EmailAddress.objects.filter(email__in=emails).values_list("email", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=people[e], email=e, verified=True, primary=True)
            for e in emails
            if e not in verified
        ],
        batch_size=500,
    )
    return people


@transaction.atomic
def build(*, log) -> None:
    rng = random.Random(2026)  # same demo world every time
    ensure_reference_data()
    today = timezone.localdate()
    sectors = {s.code: s for s in CareSector.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    provinces = list(PLACES)

    # 40 providers spread over all 12 provinces and sectors.
    providers = []
    for i in range(40):
        name = f"{PROVIDER_PREFIX[i % len(PROVIDER_PREFIX)]} {PROVIDER_NAMES[i % 20]}"
        if i >= 20:
            name += f" {PLACES[provinces[i % 12]][i % 3]}"
        name += " (demo)"
        province = provinces[i % 12]
        sector_codes, long_term = SECTOR_PROFILES[i % len(SECTOR_PROFILES)]
        provider, created = CareProvider.objects.get_or_create(
            name=name, defaults={"provides_long_term_care": long_term}
        )
        if created:
            provider.sectors.set([sectors[c] for c in sector_codes])
            for place in rng.sample(PLACES[province], 2):
                ProviderLocation.objects.create(provider=provider, place=place, province=province)
        providers.append((provider, province, sector_codes))

    # 60 councils: a central council with local councils for some providers,
    # relatives', youth, parents' councils and councils new style for others.
    councils = []

    def council(provider, name, kind, province, sector_codes, parent=None):
        obj, created = Council.objects.get_or_create(
            provider=provider,
            name=name,
            defaults={
                "kind": kind,
                "province": province,
                "parent": parent,
                "region": regions.get(REGION_OF[province]),
            },
        )
        if created:
            obj.sectors.set([sectors[c] for c in sector_codes])
        councils.append(obj)
        return obj

    for i, (provider, province, sector_codes) in enumerate(providers):
        base = provider.name.split(" (demo)")[0]
        if i < 8:
            central = council(
                provider,
                f"Centrale cliëntenraad {base}",
                CouncilKind.CENTRAL,
                province,
                sector_codes,
            )
            for place in PLACES[province][:2]:
                council(
                    provider,
                    f"Lokale cliëntenraad {base} {place}",
                    CouncilKind.LOCAL,
                    province,
                    sector_codes,
                    parent=central,
                )
        elif "jeugdzorg" in sector_codes:
            council(provider, f"Jeugdraad {base}", CouncilKind.YOUTH, province, sector_codes)
            council(provider, f"Ouderraad {base}", CouncilKind.PARENTS, province, sector_codes)
        elif "gehandicaptenzorg" in sector_codes:
            council(provider, f"Cliëntenraad {base}", CouncilKind.CLIENT, province, sector_codes)
            council(
                provider, f"Verwantenraad {base}", CouncilKind.RELATIVES, province, sector_codes
            )
        elif i % 9 == 0:
            council(
                provider,
                f"Raad nieuwe stijl {PLACES[province][2]}",
                CouncilKind.NEW_STYLE,
                province,
                sector_codes,
            )
        else:
            council(provider, f"Cliëntenraad {base}", CouncilKind.CLIENT, province, sector_codes)

    # Memberships: most councils are members; a few pending or ended; the first central
    # councils' membership includes their local councils.
    for i, c in enumerate(councils):
        if c.memberships.exists():
            continue
        start = today - datetime.timedelta(days=200 + 37 * i)
        if (
            c.kind == CouncilKind.LOCAL
            and c.parent.memberships.filter(kind=CouncilMembershipKind.WITH_LOCAL).exists()
        ):
            continue
        if c.kind == CouncilKind.CENTRAL and i % 2 == 0:
            CouncilMembership.objects.create(
                council=c,
                kind=CouncilMembershipKind.WITH_LOCAL,
                status=MembershipStatus.ACTIVE,
                start_date=start,
            )
        elif i % 11 == 5:
            CouncilMembership.objects.create(
                council=c, status=MembershipStatus.PENDING, start_date=today
            )
        elif i % 13 == 7:
            CouncilMembership.objects.create(
                council=c,
                status=MembershipStatus.ENDED,
                start_date=start,
                end_date=today - datetime.timedelta(days=30),
            )
        else:
            CouncilMembership.objects.create(
                council=c, status=MembershipStatus.ACTIVE, start_date=start
            )

    password_hash = make_password(DEMO_PASSWORD)
    member_councils = [
        c
        for c in councils
        if c.memberships.filter(status=MembershipStatus.ACTIVE).exists()
        or (
            c.parent_id
            and c.parent.memberships.filter(
                status=MembershipStatus.ACTIVE, kind=CouncilMembershipKind.WITH_LOCAL
            ).exists()
        )
    ]

    # Fixed accounts.
    specs = [(_email(k), first, last) for k, (first, last) in FIXED_PEOPLE.items()]
    specs += [
        (_email(local), rng.choice(FIRST_NAMES), f"{rng.choice(LAST_NAMES)} (demo)")
        for local, _ in INDIVIDUAL
    ]
    specs += [
        (_email(f"deelnemer{n:03d}"), FIRST_NAMES[n % 30], f"{LAST_NAMES[(n * 7) % 30]} (demo)")
        for n in range(1, 301)
    ]
    people = _ensure_people(specs, password_hash)

    for key, group_name in STAFF.items():
        people[_email(key)].groups.add(Group.objects.get(name=group_name))

    home, second = member_councils[0], member_councils[1]
    fixed_seats = [
        (
            "lid",
            home,
            SeatRole.LID,
            today - datetime.timedelta(days=3 * 365 + 320),
            today + datetime.timedelta(days=45),
        ),
        ("lid", second, SeatRole.LID, today - datetime.timedelta(days=200), None),
        (
            "voorzitter",
            home,
            SeatRole.VOORZITTER,
            today - datetime.timedelta(days=500),
            today + datetime.timedelta(days=3 * 365),
        ),
        (
            "ondersteuner",
            home,
            SeatRole.AMBTELIJK_SECRETARIS,
            today - datetime.timedelta(days=900),
            None,
        ),
        ("ondersteuner", second, SeatRole.ONDERSTEUNER, today - datetime.timedelta(days=100), None),
    ]
    for key, c, role, start, end in fixed_seats:
        Seat.objects.get_or_create(
            person=people[_email(key)],
            council=c,
            role=role,
            defaults={"start_date": start, "end_date": end},
        )

    for local, kind in INDIVIDUAL:
        IndividualMembership.objects.get_or_create(
            person=people[_email(local)],
            kind=kind,
            defaults={
                "status": MembershipStatus.ACTIVE,
                "start_date": today - datetime.timedelta(days=400),
            },
        )

    # deelnemer001…300: five seats per member council, rotating roles; a few terms end soon.
    role_cycle = [
        SeatRole.VOORZITTER,
        SeatRole.SECRETARIS,
        SeatRole.LID,
        SeatRole.LID,
        SeatRole.ONDERSTEUNER,
    ]
    have_seat = set(
        Seat.objects.filter(person__email__startswith="deelnemer").values_list(
            "person__email", flat=True
        )
    )
    new_seats = []
    for n in range(1, 301):
        email = _email(f"deelnemer{n:03d}")
        if email in have_seat:
            continue
        c = member_councils[(n - 1) % len(member_councils)]
        role = role_cycle[((n - 1) // len(member_councils)) % len(role_cycle)]
        start = today - datetime.timedelta(days=30 + (n * 13) % 1400)
        end = start + datetime.timedelta(days=4 * 365)
        if end < today:
            end = today + datetime.timedelta(days=(n * 7) % 400 + 10)
        new_seats.append(
            Seat(person=people[email], council=c, role=role, start_date=start, end_date=end)
        )
    Seat.objects.bulk_create(new_seats)

    log(
        f"  {CareProvider.objects.filter(name__endswith='(demo)').count()} zorgaanbieders, "
        f"{len(councils)} raden ({len(member_councils)} lid), "
        f"{len(people)} mensen, {Seat.objects.count()} zetels"
    )
