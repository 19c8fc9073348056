"""Highlighted snippets: the passage of a text that best matches the query, with <mark>."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

_WORD = re.compile(r"\w+", re.UNICODE)
WINDOW_WORDS = 32
SCAN_CHARS = 12_000


@lru_cache(maxsize=100_000)
def _fold(word: str) -> tuple[str, str]:
    folded = analysis.fold(word)
    return folded, analysis.stem_key(folded)


def _matches(word: str, stems: set[str], parts: set[str], keys: set[str]) -> bool:
    folded, key = _fold(word)
    # stemming is the slow part (most of a search's time in Python): only for the words
    # that start as one of the stems does
    if key in keys and analysis.stem(folded) in stems:
        return True
    return any(part in folded for part in parts)


def snippet(text: str, *, stems: set[str], parts: set[str], fallback: str = "") -> SafeString:
    """Escape ``text`` and mark the words that match; pick the densest window."""
    text = (text or "")[:SCAN_CHARS]
    found = list(_WORD.finditer(text))
    if not found:
        return mark_safe(escape(fallback[:300]))  # noqa: S308 - escaped
    keys = analysis.stem_keys(stems)
    hits = [i for i, m in enumerate(found) if _matches(m.group(), stems, parts, keys)]
    if not hits:
        source = fallback or text
        return mark_safe(escape(source[:280] + ("…" if len(source) > 280 else "")))  # noqa: S308
    best_start, best_count = 0, -1
    hits = hits[:300]
    for i, start in enumerate(hits):
        count = sum(1 for h in hits[i:] if h < start + WINDOW_WORDS)
        if count > best_count:
            best_start, best_count = start, count
    first = max(0, best_start - 6)
    last = min(len(found) - 1, first + WINDOW_WORDS)
    begin, end = found[first].start(), found[last].end()
    hit_set = set(hits)
    pieces = ["…" if begin > 0 else ""]
    cursor = begin
    for i in range(first, last + 1):
        m = found[i]
        pieces.append(escape(text[cursor : m.start()]))
        if i in hit_set:
            pieces.append(f"<mark>{escape(m.group())}</mark>")
        else:
            pieces.append(escape(m.group()))
        cursor = m.end()
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped
