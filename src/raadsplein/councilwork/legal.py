"""The legal catalogue's data file (``data/wmcz.json``): subjects and rules of the Wmcz 2018,
each with article, source and ``verified`` false until checked against the law text."""

import json
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "wmcz.json"


def catalogue() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def load(subject_model, rule_model) -> tuple[int, int]:
    """Add what the file has and the database lacks; a row editors changed (or verified) is
    left as they made it. Takes the models so that a migration can pass its historical ones."""
    data = catalogue()
    subjects = rules = 0
    for row in data["subjects"]:
        _, made = subject_model.objects.get_or_create(code=row["code"], defaults=row)
        subjects += made
    for row in data["rules"]:
        _, made = rule_model.objects.get_or_create(code=row["code"], defaults=row)
        rules += made
    return subjects, rules
