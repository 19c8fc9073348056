"""Demo newsletter part: subscribers (being built)."""


def build(*, log) -> None:
    return None
