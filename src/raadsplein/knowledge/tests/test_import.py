import json

import pytest
from django.core.management import CommandError, call_command

from raadsplein.knowledge import selectors
from raadsplein.knowledge.models import PublicationPage, Theme
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def line(**overrides):
    data = {
        "slug": "nieuwe-brochure",
        "title": "Nieuwe brochure over werving",
        "summary": "Hoe vindt u nieuwe leden?",
        "body": "## Werven\nMaak een **vacaturetekst**.\n\n- punt een\n- punt twee",
        "kind": "brochure",
        "themes": ["Leden werven en behouden", "Helemaal nieuw thema"],
        "sectors": ["ggz"],
        "audience": "members",
        "published": "2025-03-01",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def write(tmp_path, *lines):
    path = tmp_path / "import.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_creates_publishes_and_indexes(tmp_path):
    (tmp_path / "bijlage.docx").write_bytes(_docx("Het woord zeldzaamheidsfactor"))
    path = write(tmp_path, line(files=["bijlage.docx"]), line(slug="tweede", title="Tweede"))
    call_command("import_publications", str(path), "--no-progress")
    page = PublicationPage.objects.get(slug="nieuwe-brochure")
    assert page.live and page.kind == "brochure" and page.audience == "members"
    assert [b.block_type for b in page.body] == ["heading", "paragraph"]
    assert "<strong>vacaturetekst</strong>" in page.body[1].value.source
    assert Theme.objects.filter(name="Helemaal nieuw thema").exists()
    assert list(page.sectors.values_list("code", flat=True)) == ["ggz"]
    lid = member()
    hits = selectors.search_publications(lid, q="zeldzaamheidsfactor").hits
    assert [h.page.slug for h in hits] == ["nieuwe-brochure"]


def test_import_is_idempotent_by_slug(tmp_path):
    call_command("import_publications", str(write(tmp_path, line())), "--no-progress")
    call_command(
        "import_publications",
        str(write(tmp_path, line(title="Bijgewerkte titel"))),
        "--no-progress",
    )
    assert PublicationPage.objects.filter(slug="nieuwe-brochure").count() == 1
    assert PublicationPage.objects.get(slug="nieuwe-brochure").title == "Bijgewerkte titel"
    lid = member()
    assert selectors.search_publications(lid, q="bijgewerkte").count == 1
    assert selectors.search_publications(lid, q="brochure werving").count == 1


def test_bad_lines_are_reported_and_nothing_is_written(tmp_path, capsys):
    path = write(
        tmp_path,
        line(slug="goed"),
        line(slug="fout", kind="roman"),
        "{niet: json}",
        line(slug="datum", published="gisteren"),
        line(slug="sector", sectors=["ruimtevaart"]),
        line(slug="bestand", files=["bestaat-niet.pdf"]),
        line(slug="goed"),
    )
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_publications", str(path), "--no-progress")
    err = capsys.readouterr().err
    assert "regel 2: onbekende soort 'roman'" in err
    assert "regel 3: geen geldige JSON" in err
    assert "regel 4: ongeldige datum" in err
    assert "regel 5: onbekende sector" in err
    assert "regel 6: bestand niet gevonden" in err
    assert "regel 7: slug 'goed' staat ook op regel 1" in err
    assert not PublicationPage.objects.exists()


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_publications", str(tmp_path / "nope.jsonl"))


def _docx(text):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
