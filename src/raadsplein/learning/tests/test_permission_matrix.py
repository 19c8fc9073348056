"""The learning permission matrix: every learning URL × every kind of visitor, asserting
what is and is not on the page."""

import pytest
from django.urls import reverse

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.learning import services
from raadsplein.learning.models import (
    Audience,
    QuizAttempt,
)
from raadsplein.learning.testing import finish_course, response_text
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

from .factories import small_course, steps_of

# --- permissions ------------------------------------------------------------------------
#
# Every learning URL × every kind of visitor, asserting what is on the page when the visitor
# is let in, and what is not on it when refused: no course text on the members-only page, no
# quiz question on a refusal, no other council's people on a council's overview.

ROLES = [
    "anonymous",
    "non_member",
    "member",  # plain seat on council Alfa
    "holder",  # seat on Alfa, finished the members' course, shares progress
    "chair",  # voorzitter of Alfa: an officer
    "other_member",  # plain seat on council Bravo
    "other_chair",  # voorzitter of Bravo: an officer, but of another council
    "adviseur",
    "redacteur",
    "beheerder",
]
STAFF = {"adviseur", "redacteur", "beheerder"}
MEMBERS = {"member", "holder", "chair", "other_member", "other_chair"} | STAFF
SIGNED_IN = set(ROLES) - {"anonymous"}

COURSE = "Ledencursus Medezeggenschap"
COURSE_SUMMARY = "Alleen voor leden: wat de raad mag en doet."
STEP = "Stap over de klachtenregeling"
STEP_BODY = "Uitleg die alleen leden lezen."
QUIZ_PROMPT = "Welk recht geldt bij de klachtenregeling?"
QUIZ_OPTION = "Instemmingsrecht"
QUIZ_FEEDBACK = "Goed zo."  # feedback on the right answer: only after answering
PUBLIC = "Open cursus Kennismaken"
PUBLIC_STEP_BODY = "Uitleg voor iedereen."
DRAFT = "Conceptcursus Nog Niet Af"
HOLDER = "Hester Houder"
HOLDER_EMAIL = "hester.houder@example.org"
BRAVO_SHARER = "Bram Bravo"
MEMBERS_PAGE = "Deze pagina is alleen voor leden"


def _share(person):
    profile = services.get_or_create_profile(person=person)
    profile.share_progress = True
    profile.save()


@pytest.fixture
def world(db):
    alfa = MemberCouncilFactory(name="Cliëntenraad Alfa")
    bravo = MemberCouncilFactory(name="Cliëntenraad Bravo")
    course = small_course(title=COURSE, summary=COURSE_SUMMARY)
    step = steps_of(course)[0]
    step.title, step.body = STEP, f"<p>{STEP_BODY}</p>"
    step.save()
    public = small_course(quiz=False, audience=Audience.PUBLIC, title=PUBLIC)
    public_step = steps_of(public)[0]
    public_step.body = f"<p>{PUBLIC_STEP_BODY}</p>"
    public_step.save()
    draft = small_course(quiz=False, is_published=False, title=DRAFT)
    holder = member(council=alfa, first_name="Hester", last_name="Houder", email=HOLDER_EMAIL)
    certificate = finish_course(holder, course)
    _share(holder)
    bravo_sharer = member(council=bravo, first_name="Bram", last_name="Bravo")
    finish_course(bravo_sharer, public)
    _share(bravo_sharer)
    users = {
        "anonymous": None,
        "non_member": UserFactory(),
        "member": member(council=alfa),
        "holder": holder,
        "chair": member(council=alfa, role=SeatRole.VOORZITTER),
        "other_member": member(council=bravo),
        "other_chair": member(council=bravo, role=SeatRole.VOORZITTER),
        "adviseur": adviseur(),
        "redacteur": redacteur(),
        "beheerder": beheerder(),
    }
    return {
        "alfa": alfa,
        "course": course,
        "step": step,
        "quiz": steps_of(course)[-1],
        "attempt": QuizAttempt.objects.get(person=holder),
        "public": public,
        "public_step": public_step,
        "draft": draft,
        "certificate": certificate,
        "users": users,
    }


OK, LOGIN, MEMBERS_ONLY, FORBIDDEN, NOT_FOUND = "ok", "login", "members", 403, 404


def _catalogue(role):
    """Everyone sees the catalogue; what is in it depends on who looks."""
    shown = [PUBLIC] + ([COURSE] if role in MEMBERS else []) + ([DRAFT] if role in STAFF else [])
    hidden = [t for t in (COURSE, DRAFT) if t not in shown]
    return OK, shown, hidden


def _rule(allowed, refused, present, secret):
    """Allowed roles get the page with ``present`` on it; the others meet ``refused[role]``
    (or 403) and see none of ``secret``."""

    def expect(role):
        if role in allowed:
            return OK, present, []
        outcome = refused.get(role, FORBIDDEN)
        return outcome, [], secret

    return expect


MEMBERS_CONTENT = {"anonymous": LOGIN, "non_member": MEMBERS_ONLY}
PAGES = {
    "catalogue": (lambda w: reverse("learning:catalogue"), _catalogue),
    "course": (
        lambda w: reverse("learning:course", args=[w["course"].slug]),
        _rule(MEMBERS, MEMBERS_CONTENT, [COURSE, COURSE_SUMMARY, STEP], [COURSE_SUMMARY, STEP]),
    ),
    "public_course": (
        lambda w: reverse("learning:course", args=[w["public"].slug]),
        _rule(set(ROLES), {}, [PUBLIC], []),
    ),
    "draft_course": (
        lambda w: reverse("learning:course", args=[w["draft"].slug]),
        _rule(STAFF, dict.fromkeys(ROLES, NOT_FOUND), [DRAFT], [DRAFT]),
    ),
    "step": (
        lambda w: reverse("learning:step", args=[w["course"].slug, w["step"].pk]),
        _rule(MEMBERS, MEMBERS_CONTENT, [STEP, STEP_BODY], [STEP, STEP_BODY, COURSE_SUMMARY]),
    ),
    "quiz": (
        lambda w: reverse("learning:step", args=[w["course"].slug, w["quiz"].pk]),
        _rule(MEMBERS, MEMBERS_CONTENT, [QUIZ_PROMPT, QUIZ_OPTION], [QUIZ_PROMPT, QUIZ_OPTION]),
    ),
    "public_step": (
        lambda w: reverse("learning:step", args=[w["public"].slug, w["public_step"].pk]),
        _rule(SIGNED_IN, {"anonymous": LOGIN}, [PUBLIC_STEP_BODY], [PUBLIC_STEP_BODY]),
    ),
    "quiz_result": (
        lambda w: reverse(
            "learning:quiz_result", args=[w["course"].slug, w["quiz"].pk, w["attempt"].pk]
        ),
        _rule(
            {"holder"},
            {**MEMBERS_CONTENT, **dict.fromkeys(MEMBERS - {"holder"}, NOT_FOUND)},
            ["Gehaald!", QUIZ_PROMPT, QUIZ_FEEDBACK],
            ["Gehaald", QUIZ_PROMPT, QUIZ_FEEDBACK],
        ),
    ),
    "profile": (
        lambda w: reverse("learning:profile"),
        _rule(SIGNED_IN, {"anonymous": LOGIN}, ["Mijn leerprofiel"], ["Mijn leerprofiel"]),
    ),
    "verify": (
        lambda w: reverse("learning:verify", args=[w["certificate"].code]),
        _rule(set(ROLES), {}, ["Dit certificaat is echt", HOLDER, COURSE], []),
    ),
    "pdf": (
        lambda w: reverse("learning:certificate_pdf", args=[w["certificate"].code]),
        _rule(
            {"holder"},
            {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN - {"holder"}, NOT_FOUND)},
            [HOLDER, COURSE],
            [HOLDER],
        ),
    ),
    "council": (
        lambda w: reverse("learning:council_overview", args=[w["alfa"].pk]),
        _rule(
            {"chair"} | STAFF,
            {
                "anonymous": LOGIN,
                "member": FORBIDDEN,
                "holder": FORBIDDEN,
                "non_member": NOT_FOUND,
                "other_member": NOT_FOUND,
                "other_chair": NOT_FOUND,
            },
            ["Scholing in Cliëntenraad Alfa", HOLDER, COURSE],
            [HOLDER, "Scholing in"],
        ),
    ),
    "statistics": (
        lambda w: reverse("learning:statistics"),
        _rule(STAFF, {"anonymous": LOGIN}, ["Cijfers leeromgeving", COURSE, DRAFT], [DRAFT]),
    ),
    "course_statistics": (
        lambda w: reverse("learning:course_statistics", args=[w["course"].slug]),
        _rule(
            STAFF,
            {"anonymous": LOGIN},
            [f"Cijfers: {COURSE}", "<dd>1 (100%)</dd>", STEP, "<svg"],
            ["Waar haken deelnemers af?", STEP],
        ),
    ),
    "statistics_csv": (
        lambda w: reverse("learning:course_statistics_export", args=[w["course"].slug, "csv"]),
        _rule(STAFF, {"anonymous": LOGIN}, [COURSE, STEP], [STEP]),
    ),
}
REFUSAL_TEXT = {
    MEMBERS_ONLY: MEMBERS_PAGE,
    FORBIDDEN: "U heeft geen toegang tot deze pagina",
    NOT_FOUND: "Deze pagina bestaat niet",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permissions(client, world, page, role):
    url, expect = PAGES[page]
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    outcome, present, absent = expect(role)
    response = client.get(url(world))
    text = response_text(response) if response.status_code == 200 else response.content.decode()
    if outcome == LOGIN:
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={url(world)}"
    elif outcome == OK:
        assert response.status_code == 200
    else:
        assert response.status_code == (403 if outcome == MEMBERS_ONLY else outcome)
        assert REFUSAL_TEXT[outcome] in text
    for marker in present:
        assert marker in text, f"{marker!r} missing on {page} for {role}"
    for marker in absent:
        assert marker not in text, f"{marker!r} shown on {page} to {role}"


def test_quiz_page_never_shows_the_feedback_of_an_answer(client, world):
    client.force_login(world["users"]["member"])
    html = client.get(PAGES["quiz"][0](world)).content.decode()
    assert QUIZ_PROMPT in html and QUIZ_FEEDBACK not in html


def test_council_overview_shows_no_other_councils_people(client, world):
    for role in ("chair", "adviseur"):
        client.force_login(world["users"][role])
        html = client.get(PAGES["council"][0](world)).content.decode()
        assert HOLDER in html
        assert BRAVO_SHARER not in html and "Cliëntenraad Bravo" not in html
