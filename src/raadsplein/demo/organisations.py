"""The demo world's providers, councils, people and seats (data/organisations.yaml). All names
are made up."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from raadsplein.organisations.models import (
    CareProvider,
    CareSector,
    Council,
    CouncilKind,
    CouncilMembership,
    CouncilMembershipKind,
    IndividualMembership,
    MembershipStatus,
    ProviderLocation,
    Region,
    Seat,
)
from raadsplein.organisations.reference import ensure_reference_data

from . import DEMO_DOMAIN, DEMO_PASSWORD, content


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
    data = content.load_yaml("organisations.yaml")
    rng = random.Random(2026)  # same demo world every time
    ensure_reference_data()
    today = timezone.localdate()
    sectors = {s.code: s for s in CareSector.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    places, names = data["places"], data["council_names"]
    provinces = list(places)
    prefixes, provider_names = data["provider_prefixes"], data["provider_names"]
    profiles = data["sector_profiles"]

    # 40 providers spread over all 12 provinces and sectors.
    providers = []
    for i in range(data["provider_count"]):
        name = f"{prefixes[i % len(prefixes)]} {provider_names[i % len(provider_names)]}"
        if i >= len(provider_names):
            name += f" {places[provinces[i % 12]][i % 3]}"
        name += " (demo)"
        province = provinces[i % 12]
        profile = profiles[i % len(profiles)]
        sector_codes = profile["sectors"]
        provider, created = CareProvider.objects.get_or_create(
            name=name, defaults={"provides_long_term_care": profile["long_term_care"]}
        )
        if created:
            provider.sectors.set([sectors[c] for c in sector_codes])
            for place in rng.sample(places[province], 2):
                ProviderLocation.objects.create(provider=provider, place=place, province=province)
        providers.append((provider, province, sector_codes))

    # 60 councils: a central council with local councils for some providers,
    # relatives', youth, parents' councils and councils new style for others.
    councils = []

    def council(provider, kind, province, sector_codes, parent=None, **name_parts):
        obj, created = Council.objects.get_or_create(
            provider=provider,
            name=names[kind].format(**name_parts),
            defaults={
                "kind": kind,
                "province": province,
                "parent": parent,
                "region": regions.get(data["region_of"][province]),
            },
        )
        if created:
            obj.sectors.set([sectors[c] for c in sector_codes])
        councils.append(obj)
        return obj

    for i, (provider, province, sector_codes) in enumerate(providers):
        base = provider.name.split(" (demo)")[0]
        if i < 8:
            central = council(provider, CouncilKind.CENTRAL, province, sector_codes, base=base)
            for place in places[province][:2]:
                council(
                    provider,
                    CouncilKind.LOCAL,
                    province,
                    sector_codes,
                    parent=central,
                    base=base,
                    place=place,
                )
        elif "jeugdzorg" in sector_codes:
            council(provider, CouncilKind.YOUTH, province, sector_codes, base=base)
            council(provider, CouncilKind.PARENTS, province, sector_codes, base=base)
        elif "gehandicaptenzorg" in sector_codes:
            council(provider, CouncilKind.CLIENT, province, sector_codes, base=base)
            council(provider, CouncilKind.RELATIVES, province, sector_codes, base=base)
        elif i % 9 == 0:
            place = places[province][2]
            council(provider, CouncilKind.NEW_STYLE, province, sector_codes, place=place)
        else:
            council(provider, CouncilKind.CLIENT, province, sector_codes, base=base)
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

    # Fixed accounts, individual members, then deelnemer001…300.
    first_names, last_names = data["first_names"], data["last_names"]
    specs = [
        (_email(key), person["first_name"], person["last_name"])
        for key, person in data["fixed_people"].items()
    ]
    specs += [
        (_email(local), rng.choice(first_names), f"{rng.choice(last_names)} (demo)")
        for local in data["individual_members"]
    ]
    n_people = data["participants"]
    specs += [
        (
            _email(f"deelnemer{n:03d}"),
            first_names[n % len(first_names)],
            f"{last_names[(n * 7) % len(last_names)]} (demo)",
        )
        for n in range(1, n_people + 1)
    ]
    people = _ensure_people(specs, password_hash)

    for key, group_name in data["staff"].items():
        people[_email(key)].groups.add(Group.objects.get(name=group_name))

    council_of = {"home": member_councils[0], "second": member_councils[1]}
    for seat in data["fixed_seats"]:
        ends_in = seat["ends_in_days"]
        Seat.objects.get_or_create(
            person=people[_email(seat["person"])],
            council=council_of[seat["council"]],
            role=seat["role"],
            defaults={
                "start_date": today - datetime.timedelta(days=seat["started_days_ago"]),
                "end_date": None if ends_in is None else today + datetime.timedelta(days=ends_in),
            },
        )

    for local, kind in data["individual_members"].items():
        IndividualMembership.objects.get_or_create(
            person=people[_email(local)],
            kind=kind,
            defaults={
                "status": MembershipStatus.ACTIVE,
                "start_date": today - datetime.timedelta(days=400),
            },
        )

    # deelnemer001…300: five seats per member council, rotating roles; a few terms end soon.
    role_cycle = data["participant_roles"]
    have_seat = set(
        Seat.objects.filter(person__email__startswith="deelnemer").values_list(
            "person__email", flat=True
        )
    )
    new_seats = []
    for n in range(1, n_people + 1):
        email = _email(f"deelnemer{n:03d}")
        if email in have_seat:
            continue
        c = member_councils[(n - 1) % len(member_councils)]
        # One chair and one secretary per council: the turn of roles goes round once, then
        # everyone is a member; the home council has its chair already (voorzitter@).
        turn = (n - 1) // len(member_councils)
        role = role_cycle[turn] if turn < len(role_cycle) else "lid"
        if c == council_of["home"] and role == "voorzitter":
            role = "lid"
        start = today - datetime.timedelta(days=30 + (n * 13) % 1400)
        end = start + datetime.timedelta(days=4 * 365)
        if end < today:
            end = today + datetime.timedelta(days=(n * 7) % 400 + 10)
        new_seats.append(
            Seat(person=people[email], council=c, role=role, start_date=start, end_date=end)
        )
    Seat.objects.bulk_create(new_seats)

    # A few councils show a profile to other councils (organisations: "Raden").
    for council, text in zip(member_councils[1:], data["council_profiles"], strict=False):
        if (council.profile_visible, council.profile_text) != (True, text):
            council.profile_visible, council.profile_text = True, text
            council.save(update_fields=["profile_visible", "profile_text"])

    log(
        f"  {CareProvider.objects.filter(name__endswith='(demo)').count()} zorgaanbieders, "
        f"{len(councils)} raden ({len(member_councils)} lid), "
        f"{len(people)} mensen, {Seat.objects.count()} zetels"
    )
