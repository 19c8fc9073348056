"""Standard answers: the placeholders filled in for one question.

Only the listed names are replaced (a regular expression, not ``str.format``: an editor's
text can never reach an object's attributes); an unknown name stays as typed, so the advisor
sees it before sending.
"""

import re

from .models import CannedAnswer, Question

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def values_for(question: Question, advisor) -> dict[str, str]:
    asker = question.asker
    informal = getattr(asker, "form_of_address", "u") == "je"
    name = ""
    if asker is not None:
        name = asker.get_full_name() or asker.display_name
    return {
        "naam": name or question.asker_name or "",
        "raad": question.council.name if question.council else "",
        "adviseur": advisor.get_full_name() or advisor.email,
        "u": "je" if informal else "u",
        "uw": "je" if informal else "uw",
        "U": "Je" if informal else "U",
        "Uw": "Je" if informal else "Uw",
    }


def fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def render(answer: CannedAnswer, question: Question, advisor) -> str:
    return fill(answer.body, values_for(question, advisor))


def available(question: Question):
    """Active standard answers, those of the question's theme first."""
    answers = list(CannedAnswer.objects.filter(active=True).select_related("theme"))
    answers.sort(key=lambda a: (a.theme_id != question.theme_id or a.theme_id is None, a.title))
    return answers
