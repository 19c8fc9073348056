"""What Raadswerk keeps about a person, for "Mijn gegevens" (export) and erasure.
Built by the members part (issue 15, part 6); until then the section exports nothing."""


def register() -> None:
    return None
