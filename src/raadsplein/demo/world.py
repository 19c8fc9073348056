"""The demo world's parts, in the order ``seed_demo`` builds them: each part may use what the
parts before it made (people before bookings, agenda sessions before the learning steps that
link to them)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Builder:
    key: str
    build: Callable[..., None]


def builders() -> list[Builder]:
    """``build(*, log)`` creates or updates one part; a second run changes nothing."""
    from . import (
        advocacy,
        councilwork,
        events,
        helpdesk,
        knowledge,
        learning,
        newsletter,
        organisations,
        site,
        video,
    )

    return [
        Builder("site", site.build),
        Builder("organisations", organisations.build),
        Builder("knowledge", knowledge.build),
        Builder("events", events.build),
        # After the agenda, so live steps can be linked to its sessions on the first run.
        Builder("learning", learning.build),
        # The demo video, on a publication and a course step made above.
        Builder("video", video.build),
        # Questions of the councils and people made above.
        Builder("helpdesk", helpdesk.build),
        # Signals of the councils and people made above; the policy advisor from organisations.
        Builder("advocacy", advocacy.build),
        # News, subscribers (people and councils above), editions of that news, podcast, magazine.
        Builder("newsletter", newsletter.build),
        # The workspaces of the fixed accounts' councils (Raadswerk); the adviseur from above.
        Builder("councilwork", councilwork.build),
    ]
