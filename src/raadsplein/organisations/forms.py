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
    with_profile = forms.BooleanField(
        label=_("Alleen raden die berichten ontvangen"), required=False
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


class CouncilProfileForm(forms.Form):
    """What other councils may see of this council."""

    profile_visible = forms.BooleanField(
        label=_("Laat andere raden ons profiel zien"),
        help_text=_(
            "Leden van andere raden zien de soort raad, sector, regio en uw tekst, en kunnen u "
            "via Raadsplein een bericht sturen. Adressen en namen van raadsleden ziet niemand."
        ),
        required=False,
    )
    profile_text = forms.CharField(
        label=_("Wat wilt u andere raden vertellen?"),
        help_text=_("Hooguit 600 tekens. Noem geen namen of gegevens van cliënten."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=600,
        required=False,
    )


class CouncilContactForm(forms.Form):
    """A member writes to another council; the platform passes it on to its officers."""

    body = forms.CharField(
        label=_("Uw bericht"),
        help_text=_(
            "Hooguit 2000 tekens. Noem geen namen of gegevens over de gezondheid van cliënten."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
    )
    share_address = forms.BooleanField(
        label=_("Mijn naam en e-mailadres gaan mee, zodat de raad mij kan antwoorden"),
        error_messages={
            "required": _("Zet een vinkje: zonder uw e-mailadres kan de raad u niet antwoorden.")
        },
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Schrijf een bericht."))
        return body
