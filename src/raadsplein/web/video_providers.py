"""Outside video providers whose player may be shown on our pages, after the visitor asks.

Plain data, without Django, so the settings can build the Content-Security-Policy's
``frame-src`` from the same list the player uses (``RAADSPLEIN_VIDEO_EMBED_PROVIDERS``).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Provider:
    key: str
    name: str  # as visitors know it
    hosts: frozenset[str]  # hosts of the addresses editors paste
    frame_origin: str  # where the player frame comes from (the CSP frame-src entry)
    embed: str  # the player's address, {id} filled in
    watch: str  # the video's own page at the provider, {id} filled in
    id_pattern: re.Pattern[str]

    def find_id(self, url: str) -> str | None:
        """The video id in ``url``, an address of one of this provider's hosts, or None."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or (parts.hostname or "") not in self.hosts:
            return None
        segments = [s for s in parts.path.split("/") if s]
        candidates = parse_qs(parts.query).get("v", []) if self.key == "youtube" else []
        if self.key == "youtube":
            if segments and segments[0] in ("embed", "shorts", "live", "v"):
                candidates += segments[1:2]
            elif parts.hostname == "youtu.be":
                candidates += segments[:1]
        elif self.key == "vimeo":
            candidates += segments[1:2] if segments[:1] == ["video"] else segments[:1]
        for candidate in candidates:
            if self.id_pattern.fullmatch(candidate):
                return candidate
        return None


PROVIDERS: dict[str, Provider] = {
    "youtube": Provider(
        key="youtube",
        name="YouTube",
        hosts=frozenset(
            {
                "youtube.com",
                "www.youtube.com",
                "m.youtube.com",
                "youtu.be",
                "www.youtube-nocookie.com",
            }
        ),
        # youtube-nocookie: no tracking cookies until the visitor plays the video
        frame_origin="https://www.youtube-nocookie.com",
        embed="https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0",
        watch="https://www.youtube.com/watch?v={id}",
        id_pattern=re.compile(r"[A-Za-z0-9_-]{11}"),
    ),
    "vimeo": Provider(
        key="vimeo",
        name="Vimeo",
        hosts=frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
        frame_origin="https://player.vimeo.com",
        # dnt=1: Vimeo sets no tracking cookies and keeps no viewing statistics per visitor
        embed="https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
        watch="https://vimeo.com/{id}",
        id_pattern=re.compile(r"[0-9]{1,12}"),
    ),
}


def providers(keys) -> list[Provider]:
    """The providers named in ``keys`` (the setting); an unknown name is a configuration
    error, so a typo never quietly switches a provider off or on."""
    unknown = [k for k in keys if k not in PROVIDERS]
    if unknown:
        raise ValueError(
            f"RAADSPLEIN_VIDEO_EMBED_PROVIDERS: unknown provider(s) {', '.join(unknown)}; "
            f"known: {', '.join(PROVIDERS)}"
        )
    return [PROVIDERS[k] for k in dict.fromkeys(keys)]


def frame_sources(keys) -> list[str]:
    """The CSP frame-src entries for the configured providers."""
    return [p.frame_origin for p in providers(keys)]
