"""The Dutch text pipeline used both when indexing and when searching.

fold accents → lower case → words → drop stop words → Dutch Snowball stem (Porter variant)
→ undouble vowels. Both sides use the same function, so a backend never has to understand
Dutch: cliëntenraden, clientenraad and Cliëntenraad all become ``clientenrad``.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_QUERY_CHARS = 200
_WORD = re.compile(r"[a-z0-9]+")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
_VOWEL_RUN = re.compile(r"([aeou])\1+")
_DOUBLE_FINAL = re.compile(r"([bdfgklmnprstz])\1$")

STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "alles",
        "als",
        "altijd",
        "andere",
        "ben",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "der",
        "deze",
        "die",
        "dit",
        "doch",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "en",
        "er",
        "ge",
        "geen",
        "geweest",
        "haar",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "iemand",
        "iets",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "kan",
        "kon",
        "kunnen",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "onder",
        "ons",
        "ook",
        "op",
        "over",
        "reeds",
        "te",
        "tegen",
        "toch",
        "toen",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "waren",
        "was",
        "wat",
        "we",
        "wel",
        "werd",
        "wezen",
        "wie",
        "wij",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
        "zou",
        "welke",
        "waar",
        "wanneer",
        "mag",
        "mogen",
        "onze",
        "jullie",
        "hoeveel",
        "zoals",
        "kun",
    ]
)

# Words the stemmer gets wrong in ways that matter here (irregular plurals, short stems).
_IRREGULAR = {
    "leden": "lid",
    "wapen": "wapen",
    "wapens": "wapen",
    "steden": "stad",
    "gegevens": "gegeven",
}

_stemmer = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lower case without accents: 'Cliëntenraad' → 'clientenraad'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded words, stop words included (for phrases and snippets)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Stem one folded word."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.isdigit() or len(word) <= 3:
        return word
    stemmed = _DOUBLE_VOWEL.sub(r"\1", _stemmer.stemWord(word))
    return _DOUBLE_FINAL.sub(r"\1", stemmed)[:80]


def stem_key(word: str) -> str:
    """The first two letters of a folded word with its double vowels made single: what its
    stem starts with too. The stemmer only changes a word after its first three letters
    (suffixes, doubled letters at the end), and stem() makes every double vowel single."""
    return _VOWEL_RUN.sub(r"\1", word[:6])[:2]


def stem_keys(stems) -> set[str]:
    """stem_key of every folded word that can have one of these stems (the stems' own keys
    and those of the irregular words), so a caller can skip stemming most other words."""
    keys = {stem_key(s) for s in stems}
    keys.update(stem_key(word) for word, stemmed in _IRREGULAR.items() if stemmed in stems)
    return keys


def tokens(text: str) -> list[tuple[str, str]]:
    """(stem, folded word) for every word that is not a stop word, in order."""
    return [(stem(w), w) for w in words(text) if w not in STOPWORDS and len(w) < 60]


def stems(text: str) -> list[str]:
    return [s for s, _ in tokens(text)]


def synonym_key(synonym_id: int) -> str:
    """The index term that stands for a whole synonym group."""
    return f"~{synonym_id}"


def find_phrases(
    stem_seq: list[str], variants: dict[tuple[str, ...], int]
) -> list[tuple[int, int, int]]:
    """Where synonym variants occur in a stem sequence: (start, end, synonym id), longest first."""
    if not variants:
        return []
    max_len = max(len(v) for v in variants)
    found = []
    i = 0
    n = len(stem_seq)
    while i < n:
        for length in range(min(max_len, n - i), 0, -1):
            key = tuple(stem_seq[i : i + length])
            if key in variants:
                found.append((i, i + length, variants[key]))
                i += length - 1
                break
        i += 1
    return found


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (limit + 1) once it is clearly larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]
