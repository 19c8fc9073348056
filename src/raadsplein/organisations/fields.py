"""Filter fields for a care sector and a province, as every staff list and figures page
offers them ("Alle sectoren", "Alle provincies")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CareSector, Province


def sector_filter(**kwargs) -> forms.ModelChoiceField:
    options = {
        "label": _("Zorgsector"),
        "queryset": CareSector.objects.order_by("order", "name"),
        "required": False,
        "empty_label": _("Alle sectoren"),
        "error_messages": {"invalid_choice": _("Kies een sector uit de lijst.")},
    }
    return forms.ModelChoiceField(**(options | kwargs))


def province_filter(**kwargs) -> forms.ChoiceField:
    options = {
        "label": _("Provincie"),
        "choices": [("", _("Alle provincies")), *Province.choices],
        "required": False,
        "error_messages": {"invalid_choice": _("Kies een provincie uit de lijst.")},
    }
    return forms.ChoiceField(**(options | kwargs))
