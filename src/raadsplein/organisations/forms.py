from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CareSector, CouncilKind, Province, SeatRole


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    province = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        choices=[("", _("Alle provincies")), *Province.choices],
    )
    sector = forms.ChoiceField(label=_("Zorgsector"), required=False)
    kind = forms.ChoiceField(
        label=_("Soort raad"),
        required=False,
        choices=[("", _("Alle soorten")), *CouncilKind.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("Alle sectoren")),
            *CareSector.objects.values_list("code", "name"),
        ]

    def filters(self) -> dict[str, str]:
        """Valid filters only: an unknown value is dropped, never an error page."""
        if self.is_valid():
            return {k: v for k, v in self.cleaned_data.items() if v}
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}


class OfficerRolesForm(forms.Form):
    """Which seat roles act for the council: book for its members, see their progress."""

    roles = forms.MultipleChoiceField(
        label=_("Wie mag namens de raad handelen?"),
        help_text=_(
            "Wie in een aangevinkte rol zit, mag voor leden van de raad boeken en ziet hun "
            "voortgang in de cursussen. De voorzitter hoort er altijd bij."
        ),
        choices=[c for c in SeatRole.choices if c[0] != SeatRole.VOORZITTER],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
