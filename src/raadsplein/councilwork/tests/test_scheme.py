"""The participation scheme: its settings (with two people saving at once), its text in
versions (with a conflict), comments on a passage, the comparison page, who may do what."""

import datetime
import html as html_lib

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsplein.audit.models import AuditEntry

from .. import diff, scheme, services
from ..models import DisputeCommittee, Kind, SchemeComment, SchemeSettings, SchemeVersion
from ..scheme_forms import SchemeSettingsForm
from ..services import CouncilworkError

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)
TEXT = "Artikel 1. Begrippen\nDe raad: de cliëntenraad.\n\nArtikel 2. Leden\nDe raad heeft 7 leden."


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def url(name, world, **kwargs):
    return reverse(f"councilwork:{name}", kwargs={"council_id": world.council.pk, **kwargs})


def settings_post(revision, **changes) -> dict:
    data = {
        "members_target": "7",
        "term_years": "4",
        "max_terms": "2",
        "advice_days": "42",
        "consent_days": "42",
        "notice_days": "7",
        "budget": "5000",
        "meetings_per_year": "10",
        "dispute_committee": DisputeCommittee.NATIONAL,
        "dispute_committee_name": "",
        "revision": str(revision),
    }
    data.update(changes)
    return data


def settings_values(**changes) -> dict:
    values = {
        "members_target": 7,
        "term_years": 4,
        "max_terms": 2,
        "advice_days": 42,
        "consent_days": 42,
        "notice_days": 7,
        "budget_cents": 500000,
        "meetings_per_year": 10,
        "dispute_committee": DisputeCommittee.NATIONAL,
        "dispute_committee_name": "",
    }
    values.update(changes)
    return values


def version(world, number, text=TEXT, author=None):
    author = author or world.chair
    return SchemeVersion.objects.create(
        council=world.council,
        number=number,
        text=text,
        author=author,
        author_label=author.get_full_name(),
    )


# --- settings ---------------------------------------------------------------------------------


def test_settings_save_raises_the_revision_and_drives_the_deadline(world):
    saved = scheme.save_scheme_settings(
        council=world.council, by=world.chair, revision=0, **settings_values(advice_days=30)
    )
    assert (saved.revision, saved.advice_days, saved.updated_by) == (1, 30, world.chair)
    deadline, _source = services.compute_deadline(
        council=world.council, kind=Kind.ADVICE, received=TODAY
    )
    assert deadline == TODAY + datetime.timedelta(days=30)


def test_settings_first_saved_for_a_council_without_them(world):
    council = world.other_council
    assert not SchemeSettings.objects.filter(council=council).exists()
    scheme.save_scheme_settings(
        council=council, by=world.other_member, revision=0, **settings_values(consent_days=56)
    )
    assert SchemeSettings.objects.get(council=council).consent_days == 56


def test_settings_conflict_tells_the_second_saver_and_overwrites_nothing(world):
    scheme.save_scheme_settings(
        council=world.council, by=world.secretary, revision=0, **settings_values(advice_days=30)
    )
    with pytest.raises(scheme.SettingsConflict) as caught:
        scheme.save_scheme_settings(
            council=world.council, by=world.chair, revision=0, **settings_values(advice_days=60)
        )
    assert world.secretary.get_full_name() in str(caught.value)
    assert caught.value.current.advice_days == 30
    stored = SchemeSettings.objects.get(council=world.council)
    assert (stored.advice_days, stored.revision, stored.updated_by) == (30, 1, world.secretary)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"advice_days": 0}, "van 1 tot en met 365"),
        ({"members_target": 1000}, "van 1 tot en met 99"),
        ({"notice_days": None}, "van 1 tot en met 60"),
        ({"budget_cents": -1}, "budget"),
        ({"dispute_committee": "kantonrechter"}, "commissie"),
        ({"dispute_committee": DisputeCommittee.OTHER}, "naam van de andere commissie"),
    ],
)
def test_settings_out_of_bounds_are_refused(world, changes, message):
    with pytest.raises(CouncilworkError, match=message):
        scheme.save_scheme_settings(
            council=world.council, by=world.chair, revision=0, **settings_values(**changes)
        )
    assert SchemeSettings.objects.get(council=world.council).revision == 0


def test_settings_page_saves_the_budget_in_cents(world):
    response = client_for(world.chair).post(
        url("scheme_settings", world),
        settings_post(
            0,
            budget="7.250,50",
            dispute_committee=DisputeCommittee.OWN,
            dispute_committee_name="Commissie Zorggroep Noord",
        ),
    )
    assert response.status_code == 302
    stored = SchemeSettings.objects.get(council=world.council)
    assert stored.budget_cents == 725050
    assert stored.dispute_committee_name == "Commissie Zorggroep Noord"
    page = client_for(world.member).get(url("scheme", world)).content.decode()
    assert "€ 7.250,50" in page and "Commissie Zorggroep Noord" in page
    assert f"Laatst aangepast door {world.chair.get_full_name()}" in page


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("5000", 500000),
        ("5.000", 500000),
        ("5.000,50", 500050),
        ("€ 5000,5", 500050),
        ("5000.25", 500025),
        ("0", 0),
        ("", None),
    ],
)
def test_settings_form_reads_euros_as_people_type_them(typed, cents):
    form = SchemeSettingsForm(settings_post(0, budget=typed))
    assert form.is_valid(), form.errors
    assert form.values()["budget_cents"] == cents


def test_settings_page_says_what_the_settings_drive(world):
    page = client_for(world.chair).get(url("scheme_settings", world)).content.decode()
    assert "uiterste datum" in page and "termijn van een lid" in page and "agenda" in page
    assert 'name="revision" value="0"' in page


def test_settings_page_conflict_keeps_the_input_and_shows_what_is_saved(world):
    chair, secretary = client_for(world.chair), client_for(world.secretary)
    chair.get(url("scheme_settings", world))  # both open the form at revision 0
    secretary.post(url("scheme_settings", world), settings_post(0, advice_days="30"))
    saved = SchemeSettings.objects.get(council=world.council)
    moment = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(14, 5))
    )
    SchemeSettings.objects.filter(pk=saved.pk).update(updated_at=moment)

    response = chair.post(url("scheme_settings", world), settings_post(0, advice_days="60"))

    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    assert f"Intussen heeft {world.secretary.get_full_name()} om 14:05" in page
    assert 'name="advice_days" value="60"' in page  # what they typed
    assert 'name="revision" value="1"' in page  # the next save is taken
    assert "Nu opgeslagen" in page and "verschilt" in page
    assert SchemeSettings.objects.get(council=world.council).advice_days == 30

    again = chair.post(url("scheme_settings", world), settings_post(1, advice_days="60"))
    assert again.status_code == 302
    assert SchemeSettings.objects.get(council=world.council).advice_days == 60


@pytest.mark.parametrize(
    "junk",
    [
        {"advice_days": "99999999999999999999"},
        {"budget": "1e309"},
        {"budget": "NaN"},
        {"dispute_committee_name": "a\x00b"},
        {"dispute_committee_name": "x" * 5000},
        {"members_target": "-1"},
        {"max_terms": "9223372036854775808"},
        {"notice_days": ""},
    ],
)
def test_settings_page_junk_gives_a_form_error_and_changes_nothing(world, junk):
    response = client_for(world.chair).post(url("scheme_settings", world), settings_post(0, **junk))
    assert response.status_code == 200
    assert "Er is iets niet goed ingevuld" in response.content.decode()
    assert SchemeSettings.objects.get(council=world.council).revision == 0


@pytest.mark.parametrize("revision", ["-1", "9223372036854775808", "x"])
def test_settings_page_with_a_broken_revision_saves_nothing(world, revision):
    response = client_for(world.chair).post(
        url("scheme_settings", world), {**settings_post(0), "revision": revision}
    )
    assert response.status_code == 200
    assert SchemeSettings.objects.get(council=world.council).revision == 0


def test_settings_member_may_read_but_not_change_them(world):
    member = client_for(world.member)
    assert member.get(url("scheme_settings", world)).status_code == 403
    assert member.post(url("scheme_settings", world), settings_post(0)).status_code == 403
    assert SchemeSettings.objects.get(council=world.council).revision == 0
    page = member.get(url("scheme", world)).content.decode()
    assert "42 dagen" in page and url("scheme_settings", world) not in page


# --- the text ---------------------------------------------------------------------------------


def test_start_from_the_model_scheme_makes_version_one(world):
    response = client_for(world.member).post(url("scheme_start", world))
    first = SchemeVersion.objects.get(council=world.council)
    assert response.status_code == 302
    assert (first.number, first.author, first.author_label) == (
        1,
        world.member,
        world.member.get_full_name(),
    )
    assert first.text.startswith("MODEL")
    assert "nog te controleren" in first.text and "artikel 6, derde lid" in first.text
    articles = [p for p in diff.paragraphs(first.text) if p.startswith("Artikel ")]
    assert 14 <= len(articles) <= 17
    with pytest.raises(CouncilworkError, match="al een tekst"):
        scheme.start_from_model_scheme(council=world.council, by=world.chair)
    assert SchemeVersion.objects.filter(council=world.council).count() == 1


def test_scheme_page_without_a_text_offers_the_model(world):
    page = client_for(world.member).get(url("scheme", world)).content.decode()
    assert "Begin met de modelregeling" in page and url("scheme_start", world) in page


def test_scheme_page_shows_the_latest_version_and_all_versions(world):
    version(world, 1)
    latest = version(world, 2, TEXT + "\n\nArtikel 3. Budget", author=world.secretary)
    page = client_for(world.member).get(url("scheme", world)).content.decode()
    assert "versie 2" in page and world.secretary.get_full_name() in page
    assert url("scheme_version", world, version_id=latest.pk) in page
    assert "Versie 1" in page and "Begin met de modelregeling" not in page


def test_every_save_is_a_new_version_with_its_author(world):
    version(world, 1)
    saved = scheme.save_scheme_version(
        council=world.council,
        by=world.member,
        text=TEXT + "\n\nArtikel 3.",
        based_on=1,
        note="Nieuw",
    )
    assert (saved.number, saved.author, saved.note) == (2, world.member, "Nieuw")
    assert saved.author_label == world.member.get_full_name()
    assert SchemeVersion.objects.get(number=1).text == TEXT


def test_an_unchanged_text_is_not_a_new_version(world):
    version(world, 1)
    response = client_for(world.member).post(
        url("scheme_edit", world), {"text": TEXT.replace("\n", "\r\n") + "  \n", "based_on": "1"}
    )
    assert response.status_code == 302
    assert SchemeVersion.objects.filter(council=world.council).count() == 1


def test_text_from_a_browser_counts_each_line_ending_once(world):
    text = "Artikel.\r\n" * (scheme.TEXT_MAX // 9 - 1)
    assert len(text) > scheme.TEXT_MAX >= len(text.replace("\r\n", "\n"))
    form_data = {"text": text, "based_on": "0"}
    response = client_for(world.member).post(url("scheme_edit", world), form_data)
    assert response.status_code == 302
    saved = SchemeVersion.objects.get(council=world.council)
    assert "\r" not in saved.text and len(saved.text) <= scheme.TEXT_MAX


def test_version_page_shows_each_article_with_its_title(world):
    first = version(world, 1, "Inleiding zonder titel.\n\n" + TEXT)
    page = client_for(world.member).get(url("scheme_version", world, version_id=first.pk))
    body = page.content.decode()
    assert '<strong class="scheme-passage__title">Artikel 2. Leden</strong><br>' in body
    assert 'id="alinea-3"' in body and 'id="alinea-4"' not in body
    assert '<strong class="scheme-passage__title">Inleiding' not in body


def test_first_text_without_the_model(world):
    scheme.save_scheme_version(council=world.council, by=world.chair, text=TEXT, based_on=0)
    assert SchemeVersion.objects.get(council=world.council).number == 1


def test_text_conflict_tells_the_second_saver_and_keeps_their_text(world):
    version(world, 1)
    member, secretary = client_for(world.member), client_for(world.secretary)
    member.get(url("scheme_edit", world))  # both start from version 1
    secretary.post(
        url("scheme_edit", world),
        {"text": TEXT.replace("7 leden", "9 leden"), "based_on": "1", "note": "Negen leden"},
    )
    newer = SchemeVersion.objects.get(number=2)
    moment = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(14, 5))
    )
    SchemeVersion.objects.filter(pk=newer.pk).update(created_at=moment)
    mine = TEXT.replace("de cliëntenraad", "de cliëntenraad van Zorggroep Noord")

    response = member.post(url("scheme_edit", world), {"text": mine, "based_on": "1"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Intussen heeft {world.secretary.get_full_name()} om 14:05" in html_lib.unescape(page)
    assert "9</ins> leden" in page and "7</del>" in page  # what the other changed
    assert html_lib.escape(mine) in page  # their text, kept in the textarea
    assert 'name="based_on" value="2"' in page
    assert SchemeVersion.objects.filter(council=world.council).count() == 2

    merged = mine.replace("7 leden", "9 leden")
    again = member.post(url("scheme_edit", world), {"text": merged, "based_on": "2"})
    assert again.status_code == 302
    assert SchemeVersion.objects.get(number=3).text == merged


def test_text_conflict_in_the_service_carries_both_versions(world):
    base = version(world, 1)
    newer = version(world, 2, TEXT + "\n\nMeer.", author=world.secretary)
    with pytest.raises(scheme.TextConflict) as caught:
        scheme.save_scheme_version(
            council=world.council, by=world.member, text=TEXT + "\n\nAnders.", based_on=1
        )
    assert (caught.value.base, caught.value.newer) == (base, newer)
    with pytest.raises(CouncilworkError, match="bestaat niet"):
        scheme.save_scheme_version(council=world.council, by=world.member, text=TEXT, based_on=7)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * (scheme.TEXT_MAX + 1), str(scheme.TEXT_MAX)),
        ("  \n\n  ", "verplicht"),
        ("a\x00b", "Null"),
    ],
)
def test_text_that_cannot_be_saved_gives_a_form_error(world, text, message):
    response = client_for(world.member).post(
        url("scheme_edit", world), {"text": text, "based_on": "0"}
    )
    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    assert "Er is iets niet goed ingevuld" in page and message in page
    assert not SchemeVersion.objects.exists()


def test_advisor_with_access_edits_the_text_and_it_is_audited(world):
    version(world, 1)
    response = client_for(world.advisor).post(
        url("scheme_edit", world), {"text": TEXT + "\n\nArtikel 3. Advies", "based_on": "1"}
    )
    assert response.status_code == 302
    saved = SchemeVersion.objects.get(number=2)
    assert saved.author == world.advisor
    entry = AuditEntry.objects.get(action="councilwork.advisor.changed")
    assert entry.actor == world.advisor and entry.council_id == world.council.pk


# --- comments ---------------------------------------------------------------------------------


def test_comment_on_a_paragraph_keeps_the_passage(world):
    first = version(world, 1)
    response = client_for(world.member).post(
        url("scheme_comment_new", world, version_id=first.pk),
        {"paragraph": "2", "body": "Zeven is weinig voor onze grote organisatie."},
    )
    assert response.status_code == 302 and response["Location"].endswith("#alinea-2")
    comment = SchemeComment.objects.get()
    assert (comment.paragraph, comment.author, comment.passage) == (
        2,
        world.member,
        "Artikel 2. Leden De raad heeft 7 leden.",
    )
    page = client_for(world.chair).get(url("scheme_version", world, version_id=first.pk))
    body = page.content.decode()
    assert "Zeven is weinig" in body and world.member.get_full_name() in body


def test_passage_keeps_the_first_200_characters():
    assert len(scheme.passage_of("woord " * 100)) == scheme.PASSAGE_CHARS
    assert scheme.passage_of("woord " * 100).endswith("…")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"paragraph": "3", "body": "Tekst"}, "bestaat niet"),
        ({"paragraph": "1", "body": ""}, "verplicht"),
        ({"paragraph": "1", "body": "x" * 2001}, "2000"),
        ({"paragraph": "99999999999999999999", "body": "Tekst"}, "Er is iets niet goed"),
    ],
)
def test_comment_bad_input_is_shown_on_the_form(world, data, message):
    first = version(world, 1)
    response = client_for(world.member).post(
        url("scheme_comment_new", world, version_id=first.pk), data
    )
    assert response.status_code == 200
    assert message in html_lib.unescape(response.content.decode())
    assert not SchemeComment.objects.exists()


def test_comment_form_opens_at_the_paragraph_asked(world):
    first = version(world, 1)
    page = client_for(world.member).get(
        url("scheme_comment_new", world, version_id=first.pk) + "?alinea=2"
    )
    body = page.content.decode()
    assert 'name="paragraph" value="2"' in body and 'id="opmerking"' in body
    junk = client_for(world.member).get(
        url("scheme_comment_new", world, version_id=first.pk) + "?alinea=99999999999"
    )
    assert junk.status_code == 200 and 'id="opmerking"' not in junk.content.decode()


def test_comment_is_resolved_by_its_author_or_an_officer_only(world):
    first = version(world, 1)
    mine = scheme.add_scheme_comment(
        council=world.council, version=first, by=world.member, paragraph=1, body="Graag korter."
    )
    advisors = scheme.add_scheme_comment(
        council=world.council, version=first, by=world.advisor, paragraph=2, body="Zie de wet."
    )
    member = client_for(world.member)
    member.post(url("scheme_comment_resolve", world, comment_id=advisors.pk))
    advisors.refresh_from_db()
    assert advisors.resolved_at is None
    member.post(url("scheme_comment_resolve", world, comment_id=mine.pk))
    mine.refresh_from_db()
    assert mine.resolved_by == world.member
    client_for(world.secretary).post(url("scheme_comment_resolve", world, comment_id=advisors.pk))
    advisors.refresh_from_db()
    assert advisors.resolved_by == world.secretary
    page = member.get(url("scheme_version", world, version_id=first.pk)).content.decode()
    assert page.count("afgehandeld") >= 2


def test_newest_version_lists_open_comments_on_earlier_versions(world):
    first = version(world, 1)
    open_one = scheme.add_scheme_comment(
        council=world.council, version=first, by=world.member, paragraph=2, body="Zeven of negen?"
    )
    done = scheme.add_scheme_comment(
        council=world.council, version=first, by=world.member, paragraph=1, body="Al geregeld."
    )
    scheme.resolve_scheme_comment(council=world.council, comment=done, by=world.chair)
    newest = version(world, 2, TEXT.replace("7 leden", "9 leden"))
    page = client_for(world.member).get(url("scheme_version", world, version_id=newest.pk))
    body = page.content.decode()
    assert "opmerkingen bij eerdere versies" in body
    assert "Zeven of negen?" in body and open_one.passage in body and "Al geregeld." not in body
    old_page = client_for(world.member).get(url("scheme_version", world, version_id=first.pk))
    assert "opmerkingen bij eerdere versies" not in old_page.content.decode()


def test_an_older_version_is_restored_as_the_newest(world):
    version(world, 1)
    version(world, 2, TEXT.replace("7 leden", "9 leden"))
    member = client_for(world.member)
    form = member.get(url("scheme_edit", world) + "?versie=1").content.decode()
    assert "Hieronder staat de tekst van versie 1" in form
    assert "7 leden" in form and 'name="based_on" value="2"' in form
    response = member.post(
        url("scheme_edit", world), {"text": TEXT, "based_on": "2", "note": "Versie 1 teruggezet"}
    )
    assert response.status_code == 302
    assert SchemeVersion.objects.get(number=3).text == TEXT
    for junk in ("3", "9", "x", "99999999999999999999"):
        page = member.get(url("scheme_edit", world) + f"?versie={junk}").content.decode()
        assert "Hieronder staat de tekst" not in page and "U bewerkt versie 3" in page


# --- the comparison ---------------------------------------------------------------------------


def test_diff_page_compares_the_previous_with_the_latest_by_default(world):
    version(world, 1)
    version(world, 2, TEXT.replace("7 leden", "9 leden"))
    version(world, 3, TEXT.replace("7 leden", "11 leden") + "\n\n<script>alert(1)</script>")
    page = client_for(world.member).get(url("scheme_diff", world)).content.decode()
    assert "Van versie 2 naar versie 3" in page
    assert "9</del>" in page and "11</ins> leden" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "verwijderd:" in page and "toegevoegd:" in page and "Zo leest u dit" in page


def test_diff_page_compares_the_versions_asked(world):
    version(world, 1)
    version(world, 2, TEXT.replace("7 leden", "9 leden"))
    version(world, 3, TEXT.replace("7 leden", "11 leden"))
    page = client_for(world.member).get(url("scheme_diff", world) + "?van=1&naar=2").content
    assert "7</del>" in page.decode() and "9</ins> leden" in page.decode()


@pytest.mark.parametrize("query", ["?van=1&naar=1", "?van=9&naar=1", "?van=x", "?naar=a%00b"])
def test_diff_page_with_versions_that_do_not_fit_says_so(world, query):
    version(world, 1)
    version(world, 2, TEXT + "\n\nMeer.")
    response = client_for(world.member).get(url("scheme_diff", world) + query)
    assert response.status_code == 200
    assert "Er is iets niet goed ingevuld" in response.content.decode()


def test_diff_page_with_one_version_explains(world):
    version(world, 1)
    page = client_for(world.member).get(url("scheme_diff", world)).content.decode()
    assert "nog geen tweede versie" in page


# --- queries ----------------------------------------------------------------------------------


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_scheme_page_queries_do_not_grow_with_versions(world):
    client = client_for(world.member)
    version(world, 1)
    client.get(url("scheme", world))
    one = _queries(client, url("scheme", world))
    version(world, 2, TEXT + "\n\nTwee.")
    latest = version(world, 3, TEXT + "\n\nDrie.")
    scheme.add_scheme_comment(
        council=world.council, version=latest, by=world.member, paragraph=1, body="Ja."
    )
    assert _queries(client, url("scheme", world)) == one


def test_newest_version_page_queries_do_not_grow_with_earlier_comments(world):
    client = client_for(world.member)
    first = version(world, 1)
    newest = version(world, 2, TEXT + "\n\nMeer.")

    def comment(by):
        scheme.add_scheme_comment(
            council=world.council, version=first, by=by, paragraph=1, body="Eerder."
        )

    comment(world.member)
    address = url("scheme_version", world, version_id=newest.pk)
    client.get(address)
    one = _queries(client, address)
    comment(world.chair)
    comment(world.advisor)
    assert _queries(client, address) == one


def test_version_page_queries_do_not_grow_with_comments(world):
    client = client_for(world.member)
    first = version(world, 1)

    def comment(by, paragraph):
        scheme.add_scheme_comment(
            council=world.council, version=first, by=by, paragraph=paragraph, body="Opmerking."
        )

    comment(world.member, 1)
    address = url("scheme_version", world, version_id=first.pk)
    client.get(address)
    one = _queries(client, address)
    comment(world.chair, 1)
    comment(world.advisor, 2)
    assert _queries(client, address) == one
