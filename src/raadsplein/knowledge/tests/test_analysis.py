import pytest

from raadsplein.knowledge.search import analysis


def test_fold_removes_accents_and_case():
    assert analysis.fold("Cliëntenraad") == "clientenraad"


def test_stem_joins_singular_and_plural():
    assert analysis.stem("clientenraden") == analysis.stem("clientenraad")
    assert analysis.stem("leden") == analysis.stem("lid")
    assert analysis.stem("geschillen") == analysis.stem("geschil")
    assert analysis.stem("regelingen") == analysis.stem("regeling")


def test_tokens_drop_stop_words():
    assert [w for _, w in analysis.tokens("Wat mag de raad zeggen over de begroting")] == [
        "raad",
        "zeggen",
        "begroting",
    ]


def test_find_phrases_prefers_the_longest_variant():
    variants = {("rad", "bestur"): 1, ("rad",): 2}
    seq = analysis.stems("advies aan de raad van bestuur")
    assert analysis.find_phrases(seq, variants) == [(1, 3, 1)]


def test_edit_distance_with_limit():
    assert analysis.edit_distance("begrotnig", "begroting") == 2
    assert analysis.edit_distance("abc", "abcdef", limit=2) == 3


@pytest.mark.parametrize(
    "word",
    ["raad", "raden", "leden", "aanbod", "zee", "cliëntenraden", "ooievaars", "gemeenten", "aaaah"],
)
def test_a_word_has_the_stem_key_of_its_stem(word):
    # snippets stem only the words whose key one of the query's stems has
    folded = analysis.fold(word)
    assert analysis.stem_key(folded) in analysis.stem_keys({analysis.stem(folded)})


def test_snippet_marks_inflected_words_and_skips_the_rest():
    from raadsplein.knowledge.search import snippets

    stems = {analysis.stem("raad"), analysis.stem("lid")}
    html = snippets.snippet(
        "De raden en hun leden praten met de bestuurder.", stems=stems, parts=set()
    )
    assert html.count("<mark>") == 2
    assert "<mark>raden</mark>" in html and "<mark>leden</mark>" in html
