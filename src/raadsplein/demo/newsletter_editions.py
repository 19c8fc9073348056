"""Demo newsletter part: editions (being built)."""


def build(*, log) -> None:
    return None
