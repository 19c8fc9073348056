"""Demo newsletter part: media (being built)."""


def build(*, log) -> None:
    return None
