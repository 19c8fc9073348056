"""``{% recording … %}``: the player partial for an uploaded file or an outside video."""

from django import template

from raadsplein.web.player import recording_for

register = template.Library()


@register.inclusion_tag("web/includes/player.html")
def recording(
    *,
    title,
    document=None,
    url="",
    captions=None,
    transcript="",
    minutes=None,
    kind="",
    media_step=False,
    describedby="",
):
    """``kind="audio"``: a file of unclear type plays as sound. ``media_step``: mark the media
    element for learning.js (it saves the step when the recording has played to the end)."""
    return {
        "recording": recording_for(
            title=title,
            document=document,
            url=url or "",
            captions=captions,
            transcript=transcript or "",
            minutes=minutes,
            audio=kind == "audio",
        ),
        "media_step": media_step,
        "describedby": describedby,
    }
