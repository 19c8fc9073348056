"""Demo newsletter part: news (being built)."""


def build(*, log) -> None:
    return None
