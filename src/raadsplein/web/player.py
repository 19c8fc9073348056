"""Recordings on a page: one player for knowledge publications and learning steps.

A recording is an uploaded file (a Wagtail document, served through the file guard in
``files.py``, with WebVTT captions) or a video at an outside provider that editors linked to
(``video_providers.py``, only those in ``RAADSPLEIN_VIDEO_EMBED_PROVIDERS``). An outside
player is never loaded with the page: the visitor sees a placeholder and loads it with a
button (``web/js/player.js``), so nothing goes to the provider before that click.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .video_providers import Provider, providers

VIDEO_EXTENSIONS = frozenset({"mp4", "webm", "m4v"})
AUDIO_EXTENSIONS = frozenset({"mp3", "m4a", "ogg", "oga", "opus", "wav"})
CAPTION_EXTENSIONS = frozenset({"vtt"})


@dataclass(frozen=True)
class Embed:
    provider: Provider
    video_id: str

    @property
    def src(self) -> str:
        return self.provider.embed.format(id=self.video_id)

    @property
    def watch_url(self) -> str:
        return self.provider.watch.format(id=self.video_id)


@dataclass(frozen=True)
class Recording:
    """What the player partial shows. ``kind``: video, audio, embed or link."""

    kind: str
    title: str
    src: str = ""
    captions_src: str = ""
    embed: Embed | None = None
    minutes: int | None = None
    transcript: str = ""


def allowed_providers() -> list[Provider]:
    return providers(settings.RAADSPLEIN_VIDEO_EMBED_PROVIDERS)


def find_embed(url: str) -> Embed | None:
    """The configured provider's video behind ``url``, or None."""
    if not url:
        return None
    for provider in allowed_providers():
        video_id = provider.find_id(url)
        if video_id:
            return Embed(provider, video_id)
    return None


def provider_names() -> str:
    names = [p.name for p in allowed_providers()]
    return " of ".join(names) if names else "-"


def extension(document) -> str:
    return (document.file_extension or "").lower() if document is not None else ""


def recording_for(
    *,
    title: str,
    document=None,
    url: str = "",
    captions=None,
    transcript: str = "",
    minutes: int | None = None,
    audio: bool = False,
) -> Recording | None:
    """The recording to show for an uploaded ``document`` or an outside ``url``; None when
    there is neither. ``audio``: a document whose type is unclear plays as sound."""
    common = {"title": title, "transcript": transcript.strip(), "minutes": minutes}
    if document is not None:
        ext = extension(document)
        kind = (
            "audio"
            if ext in AUDIO_EXTENSIONS or (audio and ext not in VIDEO_EXTENSIONS)
            else "video"
        )
        captions_src = captions.url if captions is not None and kind == "video" else ""
        return Recording(kind=kind, src=document.url, captions_src=captions_src, **common)
    if url:
        embed = find_embed(url)
        if embed is not None:
            return Recording(kind="embed", embed=embed, **common)
        # Any other outside address opens there: our CSP plays media from this site only.
        return Recording(kind="link", src=url, **common)
    return None


def media_errors(*, document, url: str, captions, transcript: str) -> dict[str, str]:
    """What is wrong with a recording's fields, by field name, in the editor's words."""
    errors: dict[str, str] = {}
    if document is not None and url:
        errors["media_url"] = _("Kies een bestand of een link, niet allebei.")
    if document is not None and extension(document) not in VIDEO_EXTENSIONS | AUDIO_EXTENSIONS:
        errors["media_document"] = _(
            "Dit bestand kan niet worden afgespeeld. Kies een video (.mp4, .webm) of geluid "
            "(.mp3, .m4a, .ogg, .wav)."
        )
    if url and document is None and find_embed(url) is None:
        errors["media_url"] = _(
            "Deze link kunnen we niet afspelen. Gebruik een link naar een video bij %(names)s, "
            "of kies een bestand."
        ) % {"names": provider_names()}
    if captions is not None and extension(captions) not in CAPTION_EXTENSIONS:
        errors["captions_document"] = _("Ondertitels zijn een WebVTT-bestand (.vtt).")
    if captions is not None and document is None:
        errors["captions_document"] = _(
            "Ondertitels horen bij een videobestand. Bij een video van buiten zet u de "
            "ondertitels bij de aanbieder."
        )
    is_video = (document is not None and extension(document) in VIDEO_EXTENSIONS) or bool(url)
    if (document is not None or url) and not transcript.strip():
        if not is_video:
            errors["transcript"] = _("Geluid heeft altijd een uitgeschreven tekst nodig.")
        elif captions is None:
            errors["transcript"] = _(
                "Een video heeft ondertitels of een uitgeschreven tekst nodig."
            )
    return errors
