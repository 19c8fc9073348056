"""A filter field for a theme, as every staff list and figures page offers it
("Alle thema's")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Theme


def theme_filter(**kwargs) -> forms.ModelChoiceField:
    options = {
        "label": _("Thema"),
        "queryset": Theme.objects.order_by("name"),
        "required": False,
        "empty_label": _("Alle thema's"),
        "error_messages": {"invalid_choice": _("Kies een thema uit de lijst.")},
    }
    return forms.ModelChoiceField(**(options | kwargs))
