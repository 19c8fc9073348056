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
    audio=False,
    media_step=False,
    describedby="",
):
    """``media_step``: mark the media element for learning.js (saves the step at the end)."""
    return {
        "recording": recording_for(
            title=title,
            document=document,
            url=url or "",
            captions=captions,
            transcript=transcript or "",
            minutes=minutes,
            audio=audio,
        ),
        "media_step": media_step,
        "describedby": describedby,
    }
