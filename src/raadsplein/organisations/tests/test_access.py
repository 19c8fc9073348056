"""The shared guards and the council-officer predicate: what each kind of visitor meets."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.test import RequestFactory
from django.urls import reverse

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations import selectors
from raadsplein.organisations.access import (
    FORBIDDEN,
    MEMBERS,
    members_only,
    object_rule,
    permission_required,
    signed_in,
    staff_only,
)
from raadsplein.organisations.models import Council, SeatRole
from raadsplein.organisations.rules import is_officer_of
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db


def _request(user, path="/iets/?a=1"):
    request = RequestFactory().get(path)
    request.user = user
    request.session = {}
    return request


def _ok(request, *args, **kwargs):
    return HttpResponse("LEDENINHOUD-42")


def _visitors():
    council = MemberCouncilFactory()
    return {
        "anonymous": AnonymousUser(),
        "signed_in": UserFactory(),
        "member": member(council=council),
        "staff": adviseur(),
    }


EXPECTED = {
    # guard: what anonymous, a signed-in non-member, a member and staff get
    "signed_in": ("login", 200, 200, 200),
    "members_only": ("login", 403, 200, 200),
    "staff_only": ("login", "denied", "denied", 200),
    "permission_required": ("login", "denied", 200, 200),
}


@pytest.mark.parametrize("guard_name", EXPECTED)
def test_guards_per_visitor(guard_name):
    guards = {
        "signed_in": signed_in,
        "members_only": members_only,
        "staff_only": staff_only,
        "permission_required": permission_required("organisations.browse_directory"),
    }
    view = guards[guard_name](_ok)
    for visitor, expected in zip(_visitors().values(), EXPECTED[guard_name], strict=True):
        if expected == "denied":
            with pytest.raises(PermissionDenied):
                view(_request(visitor))
            continue
        response = view(_request(visitor))
        if expected == "login":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("account_login"))
            assert "next=/iets/%3Fa%3D1" in response["Location"]
        else:
            assert response.status_code == expected
            if expected == 200:
                assert response.content == b"LEDENINHOUD-42"
            else:
                assert "lid" in response.content.decode().lower()
                assert b"LEDENINHOUD-42" not in response.content


def _find_council(request, pk):
    return get_object_or_404(selectors.councils_visible_to(request.user), pk=pk)


def test_object_rule_answers_404_outside_scope_and_403_inside():
    own = MemberCouncilFactory()
    other = MemberCouncilFactory()
    chair = member(council=own, role=SeatRole.VOORZITTER)
    plain = member(council=own)
    view = object_rule("organisations.act_for_council", find=_find_council)(
        lambda request, council, pk: HttpResponse(council.name)
    )
    assert view(_request(chair), pk=own.pk).content == own.name.encode()
    with pytest.raises(Http404):
        view(_request(chair), pk=other.pk)  # another council: it does not exist for them
    with pytest.raises(Http404):
        view(_request(chair), pk=2**62)
    with pytest.raises(PermissionDenied):
        view(_request(plain), pk=own.pk)


def test_object_rule_members_page_and_sign_in():
    council = MemberCouncilFactory()
    view = object_rule(
        "organisations.act_for_council",
        find=lambda request, pk: Council.objects.get(pk=pk),
        denied=MEMBERS,
    )(_ok)
    assert view(_request(AnonymousUser()), pk=council.pk).status_code == 302
    refused = view(_request(UserFactory()), pk=council.pk)
    assert refused.status_code == 403 and b"LEDENINHOUD-42" not in refused.content
    with pytest.raises(Http404):  # DoesNotExist from find becomes 404
        view(_request(UserFactory()), pk=2**62)


def test_object_rule_refuses_unknown_denied_kind():
    with pytest.raises(ValueError):
        object_rule("x.y", find=_find_council, denied="maybe")
    assert FORBIDDEN != MEMBERS


@pytest.mark.parametrize(
    ("role", "officer"),
    [
        (SeatRole.VOORZITTER, True),
        (SeatRole.SECRETARIS, True),
        (SeatRole.LID, False),
        (SeatRole.AMBTELIJK_SECRETARIS, False),
        (SeatRole.ONDERSTEUNER, False),
    ],
)
def test_officers_by_default_are_chair_and_secretary(role, officer):
    seat = SeatFactory(role=role)
    assert is_officer_of(seat.person, seat.council) is officer
    assert (seat.council in selectors.officer_councils(seat.person)) is officer
    assert not is_officer_of(seat.person, MemberCouncilFactory())


def test_council_chooses_its_officer_roles_on_its_page():
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    clerk = member(council=council, role=SeatRole.AMBTELIJK_SECRETARIS)
    assert not is_officer_of(clerk, council)
    from django.test import Client

    client = Client()
    client.force_login(chair)
    url = reverse("organisations:council_detail", args=[council.pk])
    page = client.get(url).content.decode()
    assert "Wie mag namens de raad handelen?" in page
    response = client.post(url, {"save_roles": "1", "roles": ["ambtelijk_secretaris"]})
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.officer_role_set() == {"voorzitter", "ambtelijk_secretaris"}
    assert is_officer_of(clerk, council)
    entry = AuditEntry.objects.get(action="organisations.council.officer_roles_changed")
    assert entry.data == {
        "before": "secretaris, voorzitter",
        "after": "ambtelijk_secretaris, voorzitter",
    }


def test_bad_or_foreign_choice_changes_nothing():
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    plain = member(council=council)
    from django.test import Client

    client = Client()
    client.force_login(chair)
    url = reverse("organisations:council_detail", args=[council.pk])
    response = client.post(url, {"save_roles": "1", "roles": ["koning"]})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    client.force_login(plain)  # a plain member sees the roles but may not change them
    page = client.get(url).content.decode()
    assert "Wie mag namens de raad handelen?" not in page
    client.post(url, {"save_roles": "1", "roles": ["lid"]})
    client.force_login(member())  # someone of another council: 404
    assert client.post(url, {"save_roles": "1", "roles": ["lid"]}).status_code == 404
    council.refresh_from_db()
    assert council.officer_role_set() == {"voorzitter", "secretaris"}
    assert not AuditEntry.objects.filter(action="organisations.council.officer_roles_changed")
