"""The tracked-changes comparison of two scheme texts (councilwork/diff.py)."""

import re

from .. import diff
from ..diff import Run


def _blocks(comparison):
    return [item for item in comparison.items if not item.is_run]


def test_paragraphs_split_on_blank_lines_whatever_the_line_endings():
    text = "Artikel 1.\r\nEerste regel.\r\n\r\n  \r\nArtikel 2.\rTweede.\n\n\n"
    assert diff.paragraphs(text) == ["Artikel 1.\nEerste regel.", "Artikel 2.\nTweede."]
    assert diff.paragraphs("   \n\n ") == []


def test_word_diff_marks_deleted_and_inserted_words():
    html = diff.word_diff(
        "De raad geeft advies binnen 30 dagen.", "De raad geeft zijn advies binnen zes weken."
    )
    assert html.startswith("De raad geeft <ins>")
    assert re.search(
        r"<del><span class=\"visually-hidden\">verwijderd: </span>30 dagen</del>", html
    )
    assert re.search(
        r"<ins><span class=\"visually-hidden\">toegevoegd: </span>zes weken</ins>", html
    )
    assert "zijn " in html and html.endswith(".")


def test_word_diff_shows_a_rewritten_phrase_as_one_change():
    html = diff.word_diff("binnen dertig dagen na ontvangst", "binnen zes volle weken na ontvangst")
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert "dertig dagen</del>" in html and "zes volle weken</ins>" in html


def test_word_diff_escapes_what_people_typed():
    html = diff.word_diff("Tekst.", 'Tekst. <script>alert("x")</script> & <b>vet</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp; &lt;b&gt;vet&lt;/b&gt;" in html


def test_compare_escapes_whole_added_and_unchanged_paragraphs():
    comparison = diff.compare("<i>oud</i>", "<i>oud</i>\n\n<script>nieuw</script>")
    run, added = comparison.items
    assert isinstance(run, Run) and run.blocks[0].html == "&lt;i&gt;oud&lt;/i&gt;"
    assert added.kind == "added" and "&lt;script&gt;nieuw&lt;/script&gt;" in added.html
    assert "<script>" not in added.html


def test_compare_folds_unchanged_runs_and_counts_changes():
    old = "\n\n".join(f"Artikel {i}\nTekst van artikel {i} over de raad." for i in range(1, 11))
    new = old.replace("Tekst van artikel 5 over", "Nieuwe tekst van artikel 5 over")
    comparison = diff.compare(old, new)
    assert (comparison.changed, comparison.added, comparison.removed) == (1, 0, 0)
    first, changed, last = comparison.items
    assert first.count == 4 and first.folded and last.count == 5 and last.folded
    assert (changed.kind, changed.old_number, changed.new_number) == ("changed", 5, 5)
    assert '<ins><span class="visually-hidden">toegevoegd: </span>Nieuwe' in changed.html


def test_compare_tells_added_and_removed_articles_apart_from_changed_ones():
    old = "Artikel 1\nBegrippen.\n\nArtikel 2\nDe raad heeft zeven leden.\n\nArtikel 3\nVervalt."
    new = (
        "Artikel 1\nBegrippen.\n\nArtikel 2\nDe raad heeft negen leden.\n\n"
        "Artikel 2a\nEen heel nieuw artikel over het budget van de raad."
    )
    comparison = diff.compare(old, new)
    kinds = [block.kind for block in _blocks(comparison)]
    assert kinds == ["changed", "removed", "added"]
    changed, removed, added = _blocks(comparison)
    assert "zeven</del>" in changed.html and "negen</ins>" in changed.html
    assert removed.old_number == 3 and "Vervalt." in removed.html and "<del>" in removed.html
    assert added.new_number == 3 and "budget" in added.html


def test_compare_of_identical_texts_shows_them_unfolded():
    comparison = diff.compare("Eén.\n\nTwee.\n\nDrie.", "Eén.\r\n\r\nTwee.\n\nDrie.\n")
    assert comparison.identical
    (run,) = comparison.items
    assert run.count == 3 and not run.folded


def test_compare_of_a_large_text_finds_only_its_two_changes():
    # How fast: bench/bench_councilwork.py (speed is measured there, never asserted in tests).
    article = "Artikel {i}. Titel\nDe raad bespreekt onderwerp {i} met de bestuurder en de leden."
    old = "\n\n".join(article.format(i=i) for i in range(2500))
    new = old.replace("onderwerp 17 met", "onderwerp 17 samen met").replace(
        "Artikel 2000. Titel", "Artikel 2000. Nieuwe titel"
    )
    assert len(old) > 190_000
    comparison = diff.compare(old, new)
    assert comparison.changed == 2 and not comparison.added and not comparison.removed


def test_compare_of_a_long_rewritten_stretch_pairs_by_position():
    old = "\n\n".join(f"Oud {i} " + "woord " * 5 for i in range(60))
    new = "\n\n".join(f"Anders {i} " + "tekst " * 5 for i in range(60))
    comparison = diff.compare(old, new)
    assert (comparison.changed, comparison.added, comparison.removed) == (60, 0, 0)
    assert all("<del>" in block.html or "<ins>" in block.html for block in _blocks(comparison))
