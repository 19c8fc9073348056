"""Model letters: filling templates in (inert text, unknown placeholders bracketed), the
default templates, making, editing and downloading a council's letters."""

import datetime
import io

import docx
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from raadsplein.organisations.models import ProviderLocation, Province

from .. import letters
from ..models import LegalSubject, Letter, LetterKind, LetterTemplate
from ..wagtail_hooks import LetterTemplateViewSet
from . import factories as f

pytestmark = pytest.mark.django_db

ALL_PLACEHOLDERS = " | ".join(f"{name}={{{name}}}" for name in letters.PLACEHOLDERS)


@pytest.fixture(autouse=True)
def _catalogue_and_templates(db):
    """Data migrations' rows (the legal catalogue, the default letters) are gone after a
    transactional test flushed the database; both loaders add only what is missing."""
    from .. import legal
    from ..models import LegalRule

    legal.load(LegalSubject, LegalRule)
    letters.load_default_templates()


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def receipt_template() -> LetterTemplate:
    return LetterTemplate.objects.get(kind=LetterKind.RECEIPT, live=True)


@pytest.fixture
def trajectory(world):
    subject = LegalSubject.objects.filter(right="advice").order_by("order").first()
    ProviderLocation.objects.create(
        provider=world.council.provider,
        name="De Linde",
        place="Amersfoort",
        province=Province.UTRECHT,
    )
    return f.TrajectoryFactory(
        council=world.council,
        title="Nieuwe dagbesteding",
        subject=subject,
        question="Wat vindt de raad van het plan?",
        received=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 14),
    )


def letter_of(world, trajectory=None, **kwargs) -> Letter:
    defaults = {
        "council": world.council,
        "trajectory": trajectory,
        "kind": LetterKind.RECEIPT,
        "subject_line": "Ontvangst van uw aanvraag",
        "body": "Geachte bestuurder,\n\nWij ontvingen uw aanvraag.\nDank u wel.",
    }
    defaults.update(kwargs)
    return Letter.objects.create(**defaults)


# --- filling ----------------------------------------------------------------------------------


def test_fill_every_placeholder_from_council_provider_and_trajectory(world, trajectory):
    values = letters.placeholder_values(
        council=world.council, trajectory=trajectory, today=datetime.date(2026, 12, 4)
    )
    text = letters.fill(ALL_PLACEHOLDERS, values)

    assert "[" not in text, text
    assert "raad=Cliëntenraad De Linde" in text
    assert f"aanbieder={world.council.provider.name}" in text
    assert "plaats=Amersfoort" in text
    assert "datum=4 december 2026" in text
    assert "titel=Nieuwe dagbesteding" in text
    assert f"onderwerp={trajectory.subject.title}" in text
    assert "artikel=art. 7 lid 1 onder a" in text
    assert "datum_ontvangst=2 november 2026" in text
    assert "uiterste_datum=14 december 2026" in text
    assert "vraag=Wat vindt de raad van het plan?" in text
    assert f"voorzitter={world.chair.get_full_name()}" in text
    assert f"secretaris={world.secretary.get_full_name()}" in text
    assert "termijn_dagen=42" in text


def test_fill_brackets_unknown_and_unfillable_placeholders(world):
    values = letters.placeholder_values(council=world.council)
    text = letters.fill("{raad}: {onbekend}, {titel}, {uiterste_datum}, {plaats}", values)
    assert text == "Cliëntenraad De Linde: [onbekend], [titel], [uiterste_datum], [plaats]"


def test_fill_leaves_template_syntax_as_written(world):
    values = letters.placeholder_values(council=world.council)
    text = "{{ 7|add:1 }} {% load static %}{% now 'Y' %} {{raad}} {# x #} { raad } {raad}"
    assert letters.fill(text, values) == (
        "{{ 7|add:1 }} {% load static %}{% now 'Y' %} {{raad}} {# x #} { raad } "
        "Cliëntenraad De Linde"
    )


def test_fill_with_a_placeholder_in_capitals_fills_it(world):
    assert letters.fill("{RAAD}", {"raad": "De raad"}) == "De raad"


def test_default_templates_are_loaded_one_of_each_kind_with_known_placeholders():
    templates = list(LetterTemplate.objects.filter(live=True))
    assert sorted(t.kind for t in templates) == sorted(LetterKind.values)
    for template in templates:
        assert letters.unknown_placeholders(template.subject_line + template.body) == []
    receipt = receipt_template()
    assert "{uiterste_datum}" in receipt.body and "{raad}" in receipt.body


def test_loading_the_defaults_again_adds_nothing_and_keeps_edits():
    receipt = receipt_template()
    receipt.body = "Door de redactie aangepast."
    receipt.save()
    assert letters.load_default_templates() == 0
    receipt.refresh_from_db()
    assert receipt.body == "Door de redactie aangepast."


# --- making a letter --------------------------------------------------------------------------


def test_letter_new_from_a_trajectory_fills_the_receipt_letter_and_saves_it(world, trajectory):
    url = reverse("councilwork:letter_new", args=[world.council.pk])
    query = f"?trajectory={trajectory.pk}&kind=receipt"
    client = client_for(world.chair)

    page = client.get(url + query)
    html = page.content.decode()
    assert page.status_code == 200
    assert "14 december 2026" in html  # the deadline, filled in
    assert "Nieuwe dagbesteding" in html
    assert 'name="body"' in html

    body = page.context["form"].initial["body"] + "\n\nExtra zin van de raad."
    response = client.post(
        url + "?" + page.context["query"],
        {"subject_line": "Ontvangst: dagbesteding", "body": body},
    )
    letter = Letter.objects.get(council=world.council)
    assert response.status_code == 302
    assert response["Location"] == reverse("councilwork:letter", args=[world.council.pk, letter.pk])
    assert letter.trajectory == trajectory
    assert letter.template == receipt_template()
    assert letter.kind == LetterKind.RECEIPT
    assert letter.created_by == world.chair
    assert letter.body.endswith("Extra zin van de raad.")
    assert "14 december 2026" in letter.body


def test_letter_new_with_another_councils_trajectory_answers_404(world):
    other = f.TrajectoryFactory(council=world.other_council)
    url = reverse("councilwork:letter_new", args=[world.council.pk])
    client = client_for(world.chair)
    assert client.get(f"{url}?trajectory={other.pk}&kind=receipt").status_code == 404
    assert client.post(f"{url}?trajectory={other.pk}", {"body": "x"}).status_code == 404
    assert client.get(f"{url}?trajectory=abc").status_code == 404
    assert not Letter.objects.exists()


def test_letter_new_offers_only_live_templates_and_links_the_knowledge_centre(world):
    from raadsplein.knowledge.tests.factories import publication

    page_obj = publication(title="Modelbrief ontvangst", kind="modelbrief")
    receipt = receipt_template()
    receipt.publication = page_obj
    receipt.save()
    LetterTemplate.objects.create(
        kind=LetterKind.RECEIPT, title="Oude ontvangstbrief", subject_line="x", body="x", live=False
    )

    page = client_for(world.chair).get(
        reverse("councilwork:letter_new", args=[world.council.pk]) + "?kind=receipt"
    )
    html = page.content.decode()
    assert receipt.title in html
    assert "Oude ontvangstbrief" not in html
    assert "Meer uitleg bij deze brief in het kenniscentrum" in html
    assert page_obj.url in html


def test_letter_new_with_a_hidden_template_is_refused(world):
    hidden = LetterTemplate.objects.create(
        kind=LetterKind.RECEIPT, title="Verborgen", subject_line="x", body="x", live=False
    )
    url = reverse("councilwork:letter_new", args=[world.council.pk]) + f"?template={hidden.pk}"
    page = client_for(world.chair).get(url)
    assert page.status_code == 200
    assert "template" in page.context["form"].errors
    assert not Letter.objects.exists()


def test_saving_a_letter_whose_template_went_offline_keeps_the_text(world):
    template = receipt_template()
    url = reverse("councilwork:letter_new", args=[world.council.pk]) + f"?template={template.pk}"
    client = client_for(world.chair)
    assert client.get(url).status_code == 200
    template.live = False
    template.save()
    response = client.post(url, {"subject_line": "Ontvangst", "body": "Mijn eigen tekst"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze modelbrief is niet meer beschikbaar" in html
    assert "Mijn eigen tekst" in html
    assert not Letter.objects.exists()


def test_letter_new_shows_template_syntax_literally_and_keeps_it(world):
    template = LetterTemplate.objects.create(
        kind=LetterKind.ADVICE,
        title="Proef",
        subject_line="Proef {raad}",
        body="Som: {{ 7|add:1 }} {% load static %} voor {raad}",
    )
    url = reverse("councilwork:letter_new", args=[world.council.pk]) + f"?template={template.pk}"
    client = client_for(world.chair)
    html = client.get(url).content.decode()
    assert "Som: {{ 7|add:1 }} {% load static %} voor Cliëntenraad De Linde" in html
    assert "Som: 8" not in html

    client.post(url, {"subject_line": "Proef", "body": "Som: {{ 7|add:1 }} {% load static %}"})
    letter = Letter.objects.get()
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(_docx(client, world, letter))).paragraphs
    )
    assert "Som: {{ 7|add:1 }} {% load static %}" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"subject_line": "", "body": "Tekst"}, "Vul het onderwerp van de brief in."),
        ({"subject_line": "Onderwerp", "body": "   "}, "De brief heeft nog geen tekst."),
        ({"subject_line": "x" * 201, "body": "Tekst"}, "201"),
        ({"subject_line": "Onderwerp", "body": "a\x00b"}, None),
        ({"subject_line": "Onderwerp", "body": "x" * 20001}, "20001"),
    ],
)
def test_letter_new_with_bad_input_says_so_and_keeps_the_text(world, data, message):
    url = reverse("councilwork:letter_new", args=[world.council.pk])
    url += f"?template={receipt_template().pk}"
    response = client_for(world.chair).post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Letter.objects.exists()
    if message:
        assert message in response.content.decode()
    if data["subject_line"] and "\x00" not in data["body"]:
        assert data["subject_line"][:50] in response.content.decode()


def test_create_letter_refuses_another_councils_trajectory(world):
    other = f.TrajectoryFactory(council=world.other_council)
    with pytest.raises(letters.CouncilworkError):
        letters.create_letter(
            council=world.council,
            by=world.chair,
            kind=LetterKind.RECEIPT,
            trajectory=other,
            subject_line="x",
            body="y",
        )


# --- the letter, edited and downloaded --------------------------------------------------------


def _docx(client, world, letter) -> bytes:
    response = client.get(reverse("councilwork:letter_docx", args=[world.council.pk, letter.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_edit_before_download_is_kept_in_docx_and_pdf(world, trajectory):
    client = client_for(world.chair)
    template = receipt_template()
    subject_line, body = letters.filled(template, council=world.council, trajectory=trajectory)
    letter = letters.create_letter(
        council=world.council,
        by=world.chair,
        template=template,
        trajectory=trajectory,
        subject_line=subject_line,
        body=body,
    )
    url = reverse("councilwork:letter", args=[world.council.pk, letter.pk])
    form = client.get(url).context["form"]
    edited = form.initial["body"].replace("Dank u wel.", "Hartelijk dank voor uw heldere stukken.")

    response = client.post(
        url,
        {
            "subject_line": "Ontvangst van de aanvraag",
            "body": edited,
            "revision": form.initial["revision"],
        },
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert "Hartelijk dank voor uw heldere stukken." in letter.body

    document = docx.Document(io.BytesIO(_docx(client, world, letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Cliëntenraad De Linde" in document.paragraphs[0].text  # the sender
    assert "Amersfoort, " in text
    assert "Onderwerp: Ontvangst van de aanvraag" in text
    assert "14 december 2026" in text  # the deadline
    assert "Hartelijk dank voor uw heldere stukken." in text
    assert "Dank u wel." not in text
    assert document.core_properties.author == "Cliëntenraad De Linde"

    pdf = client.get(reverse("councilwork:letter_pdf", args=[world.council.pk, letter.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    pdf_text = " ".join(pdf_text.split())
    assert "Cliëntenraad De Linde" in pdf_text
    assert "14 december 2026" in pdf_text
    assert "Hartelijk dank voor uw heldere stukken." in pdf_text


def test_edit_after_someone_else_saved_is_refused_and_keeps_the_text(world):
    letter = letter_of(world)
    client = client_for(world.chair)
    url = reverse("councilwork:letter", args=[world.council.pk, letter.pk])
    stale = client.get(url).context["form"].initial["revision"]
    letters.update_letter(
        letter=letter, by=world.secretary, subject_line="Door de secretaris", body="Nieuw"
    )

    response = client.post(
        url, {"subject_line": "Mijn onderwerp", "body": "Mijn tekst", "revision": stale}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze brief intussen bewaard" in html
    assert "Mijn tekst" in html
    letter.refresh_from_db()
    assert letter.subject_line == "Door de secretaris"
    # The second save, from the kept text, goes through.
    again = response.context["form"]["revision"].value()
    client.post(url, {"subject_line": "Mijn onderwerp", "body": "Mijn tekst", "revision": again})
    letter.refresh_from_db()
    assert letter.body == "Mijn tekst"


def test_edit_with_empty_text_changes_nothing(world):
    letter = letter_of(world)
    url = reverse("councilwork:letter", args=[world.council.pk, letter.pk])
    response = client_for(world.chair).post(url, {"subject_line": "Nieuw", "body": ""})
    assert response.status_code == 200
    assert "De brief heeft nog geen tekst." in response.content.decode()
    letter.refresh_from_db()
    assert letter.subject_line == "Ontvangst van uw aanvraag"


def test_a_member_reads_and_downloads_but_does_not_edit(world):
    letter = letter_of(world)
    client = client_for(world.member)
    url = reverse("councilwork:letter", args=[world.council.pk, letter.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"] is None
    assert 'name="body"' not in page.content.decode()
    assert client.post(url, {"subject_line": "Anders", "body": "Anders"}).status_code == 403
    assert client.get(reverse("councilwork:letter_new", args=[world.council.pk])).status_code == 403
    assert _docx(client, world, letter)
    letter.refresh_from_db()
    assert letter.subject_line == "Ontvangst van uw aanvraag"


def test_the_letter_page_warns_about_brackets_and_an_unchecked_article(world, trajectory):
    letter = letter_of(world, trajectory=trajectory, body="Het gaat om [onderwerp]. Groet, [naam]")
    html = (
        client_for(world.chair)
        .get(reverse("councilwork:letter", args=[world.council.pk, letter.pk]))
        .content.decode()
    )
    assert "tekst tussen [haken]" in html
    assert "<li>[onderwerp]</li>" in html and "<li>[naam]</li>" in html
    assert "nog te controleren" in html


def test_docx_marks_the_passages_still_to_fill_in(world):
    letter = letter_of(world, body="Geachte [naam],\n\nDit is [nog te doen] en klaar.")
    document = docx.Document(io.BytesIO(_docx(client_for(world.chair), world, letter)))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    marked = [run.text for run in runs if run.font.highlight_color is not None]
    assert marked == ["[naam]", "[nog te doen]"]
    assert "Geachte [naam]," in [p.text for p in document.paragraphs]


def test_deleting_a_letter_needs_the_tick(world):
    letter = letter_of(world)
    client = client_for(world.chair)
    url = reverse("councilwork:letter_delete", args=[world.council.pk, letter.pk])
    client.post(url, {})
    assert Letter.objects.filter(pk=letter.pk).exists()
    response = client.post(url, {"sure": "on"})
    assert response.status_code == 302
    assert not Letter.objects.filter(pk=letter.pk).exists()


def test_letters_list_shows_newest_first(world):
    old = letter_of(world, subject_line="Oude brief")
    Letter.objects.filter(pk=old.pk).update(created_at=old.created_at - datetime.timedelta(days=3))
    letter_of(world, subject_line="Nieuwe brief")
    letter_of(world, subject_line="Brief van een andere raad", council=world.other_council)
    html = (
        client_for(world.member)
        .get(reverse("councilwork:letters", args=[world.council.pk]))
        .content.decode()
    )
    assert html.index("Nieuwe brief") < html.index("Oude brief")
    assert "Brief van een andere raad" not in html


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_letters_list_queries_do_not_grow_with_letters(world, trajectory):
    client = client_for(world.chair)
    url = reverse("councilwork:letters", args=[world.council.pk])
    letter_of(world, trajectory=trajectory, subject_line="Brief 0", created_by=world.chair)
    client.get(url)  # warm the session and caches
    one = queries_of(client, url)
    for n in (1, 2):
        letter_of(
            world, trajectory=trajectory, subject_line=f"Brief {n}", created_by=world.secretary
        )
    assert queries_of(client, url) == one


# --- the editors' admin -----------------------------------------------------------------------


def _admin_form(data):
    form_class = LetterTemplateViewSet.edit_handler.bind_to_model(LetterTemplate).get_form_class()
    return form_class(data=data, instance=LetterTemplate())


def test_admin_refuses_an_unknown_placeholder():
    form = _admin_form(
        {
            "kind": "receipt",
            "title": "Proef",
            "subject_line": "{raad}",
            "body": "{uiterstedatum}",
            "live": "on",
        }
    )
    assert not form.is_valid()
    assert "{uiterstedatum}" in str(form.errors["body"])


def test_admin_accepts_known_placeholders():
    form = _admin_form(
        {
            "kind": "receipt",
            "title": "Proef",
            "subject_line": "{raad}",
            "body": "{uiterste_datum}",
            "live": "on",
        }
    )
    assert form.is_valid(), form.errors


NASTY = ["99999999999999999999", "-1", "a\x00b", "x" * 25000, "2026-02-30", "²", "{{ 7|add:1 }}"]


@pytest.mark.parametrize("value", NASTY)
def test_every_letter_form_answers_junk_with_a_page_not_an_error(world, value):
    letter = letter_of(world)
    client = client_for(world.chair)
    new = reverse("councilwork:letter_new", args=[world.council.pk])
    for field in ("template", "trajectory", "kind", "pagina"):
        response = client.get(new, {field: value})
        assert response.status_code in (200, 404), (field, response.status_code)
    response = client.get(
        reverse("councilwork:letters", args=[world.council.pk]), {"pagina": value}
    )
    assert response.status_code == 200
    forms = {
        f"{new}?template={receipt_template().pk}": {"subject_line": "Onderwerp", "body": "Tekst"},
        reverse("councilwork:letter", args=[world.council.pk, letter.pk]): {
            "subject_line": "Onderwerp",
            "body": "Tekst",
            "revision": "",
        },
        reverse("councilwork:letter_delete", args=[world.council.pk, letter.pk]): {"sure": ""},
    }
    for path, data in forms.items():
        for field in data:
            response = client.post(path, {**data, field: value})
            assert response.status_code in (200, 302), (path, field, response.status_code)


def test_editors_add_a_model_letter_with_the_placeholders_listed(world):
    client = client_for(world.editor)
    page = client.get("/admin/snippets/councilwork/lettertemplate/add/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "{uiterste_datum}" in html
    assert "Meer uitleg bij deze brief in het kenniscentrum" in html
