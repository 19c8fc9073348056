"""A readable comparison of two versions of the participation scheme, as tracked changes.

The text is split into paragraphs (blocks between blank lines; in the model scheme one article
each). difflib first lines up the paragraphs, which is fast however long the text is; only the
pairs of paragraphs that changed are then compared word by word. The result is a list of
blocks for the template: unchanged runs (shown folded), changed paragraphs with their
``<del>``/``<ins>`` pieces, and paragraphs added or removed whole.

Every piece of text is escaped here (the text is what people typed); the markup built around
it carries visually hidden "verwijderd:"/"toegevoegd:" words, so the changes are not told by
colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
# Words, runs of white space, and every other character on its own (punctuation).
TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
# Pairing the paragraphs of a changed stretch costs (old × new) quick comparisons; past this
# the stretch's paragraphs are paired in order.
PAIRING_LIMIT = 2500
# Paragraphs this alike (difflib's quick ratio on their words) count as one changed paragraph
# rather than one removed and one added.
ALIKE = 0.5
# Word lists this long are compared with difflib's autojunk on (fast, a little less exact).
LONG_PARAGRAPH_TOKENS = 4000


def normalise(text: str) -> str:
    """One kind of line ending, no trailing spaces on lines, no blank lines at the ends."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: blocks between blank lines, without the empty ones."""
    return [block.strip("\n") for block in BLANK_LINES.split(normalise(text)) if block.strip()]


@dataclass
class Block:
    """One paragraph of the comparison. ``kind`` is same, changed, added or removed; the
    numbers are the paragraph's place (from 1) in the old and the new version."""

    kind: str
    old_number: int | None = None
    new_number: int | None = None
    html: SafeString = field(default_factory=lambda: mark_safe(""))  # noqa: S308 - empty
    is_run = False


@dataclass
class Run:
    """Unchanged paragraphs next to each other, shown folded."""

    blocks: list[Block]
    folded: bool = True
    is_run = True

    @property
    def count(self) -> int:
        return len(self.blocks)


@dataclass
class Comparison:
    items: list[Block | Run]
    changed: int = 0
    added: int = 0
    removed: int = 0

    @property
    def identical(self) -> bool:
        return not (self.changed or self.added or self.removed)


def _deleted(text: str) -> SafeString:
    return format_html(
        '<del><span class="visually-hidden">{} </span>{}</del>', _("verwijderd:"), text
    )


def _inserted(text: str) -> SafeString:
    return format_html(
        '<ins><span class="visually-hidden">{} </span>{}</ins>', _("toegevoegd:"), text
    )


def _join(parts: list[str]) -> SafeString:
    # Every part is either escaped by format_html or built by _deleted/_inserted.
    return mark_safe("".join(parts))  # noqa: S308 - parts are escaped above


def word_diff(old: str, new: str) -> SafeString:
    """The new paragraph with what changed marked: removed words in ``<del>``, added ones in
    ``<ins>``, all text escaped. A change that only a space separates from the next one is
    shown as one, so a rewritten sentence reads as one deletion and one insertion."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    matcher = SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > LONG_PARAGRAPH_TOKENS)
    chunks = [
        (tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    merged: list[list] = []
    for index, (tag, old_text, new_text) in enumerate(chunks):
        after_change = bool(merged) and merged[-1][0] != "equal"
        if tag != "equal" and after_change:
            merged[-1][1] += old_text
            merged[-1][2] += new_text
        elif tag != "equal":
            merged.append(["change", old_text, new_text])
        elif (
            after_change
            and not old_text.strip()
            and index + 1 < len(chunks)
            and chunks[index + 1][0] != "equal"
        ):
            # Only a space between two changes: both sides keep it, the changes become one.
            merged[-1][1] += old_text
            merged[-1][2] += new_text
        else:
            merged.append([tag, old_text, new_text])
    parts: list[str] = []
    for tag, old_text, new_text in merged:
        if tag == "equal":
            parts.append(format_html("{}", new_text))
            continue
        if old_text:
            parts.append(_deleted(old_text))
        if new_text:
            parts.append(_inserted(new_text))
    return _join(parts)


def _words(paragraph: str) -> list[str]:
    return paragraph.split()


def _pairs(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Line up the paragraphs of one changed stretch: (old index, new index) in reading
    order, ``None`` on one side for a paragraph only removed or only added. Alike paragraphs
    pair up in order; a long stretch pairs by position."""
    if len(old) * len(new) > PAIRING_LIMIT:
        return [
            (i if i < len(old) else None, i if i < len(new) else None)
            for i in range(max(len(old), len(new)))
        ]
    words_new = [_words(p) for p in new]
    result: list[tuple[int | None, int | None]] = []
    next_new = 0
    for i, paragraph in enumerate(old):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq1(_words(paragraph))
        best, best_ratio = None, ALIKE
        for j in range(next_new, len(new)):
            matcher.set_seq2(words_new[j])
            ratio = matcher.quick_ratio()
            if ratio >= best_ratio and matcher.real_quick_ratio() >= ALIKE:
                best, best_ratio = j, ratio
        if best is None:
            result.append((i, None))
            continue
        result += [(None, j) for j in range(next_new, best)]
        result.append((i, best))
        next_new = best + 1
    result += [(None, j) for j in range(next_new, len(new))]
    return result


def compare(old_text: str, new_text: str) -> Comparison:
    """Compare two versions' texts, paragraph by paragraph and then word by word."""
    old, new = paragraphs(old_text), paragraphs(new_text)
    comparison = Comparison(items=[])
    items = comparison.items

    def add_same(i: int, j: int) -> None:
        block = Block("same", i + 1, j + 1, format_html("{}", new[j]))
        if items and isinstance(items[-1], Run):
            items[-1].blocks.append(block)
        else:
            items.append(Run([block]))

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                add_same(i1 + offset, j1 + offset)
            continue
        for i, j in _pairs(old[i1:i2], new[j1:j2]):
            if i is not None and j is not None:
                i, j = i + i1, j + j1
                items.append(Block("changed", i + 1, j + 1, word_diff(old[i], new[j])))
                comparison.changed += 1
            elif i is not None:
                i += i1
                items.append(Block("removed", i + 1, None, _deleted(old[i])))
                comparison.removed += 1
            else:
                j += j1
                items.append(Block("added", None, j + 1, _inserted(new[j])))
                comparison.added += 1
    # A text without changes is shown whole; so is a single unchanged paragraph between
    # changes (folding one paragraph saves nothing).
    for item in items:
        if isinstance(item, Run) and (comparison.identical or item.count == 1):
            item.folded = False
    return comparison
