"""Forms of the expert pools: the advisor forwards, the expert answers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pool_models import ExpertPool


class ForwardForm(forms.Form):
    pool = forms.ModelChoiceField(
        queryset=ExpertPool.objects.none(), label=_("Expertpool"), empty_label=None
    )
    note = forms.CharField(
        label=_("Toelichting voor de pool"),
        help_text=_("Wat wilt u van de pool weten? Noem geen namen als dat niet nodig is."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
    )
    share_question = forms.BooleanField(
        label=_("De vraag zelf delen (onderwerp en eerste bericht)"), required=False, initial=True
    )
    messages = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Deze berichten ook delen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Interne notities deelt u nooit met een pool."),
    )
    may_answer_council = forms.BooleanField(
        label=_("De pool mag de raad direct antwoorden"), required=False
    )

    def __init__(self, *args, shareable=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = ExpertPool.objects.filter(active=True).order_by("name")
        self.fields["messages"].queryset = shareable
        self.fields["messages"].label_from_instance = self._message_label

    @staticmethod
    def _message_label(message) -> str:
        when = timezone.localtime(message.created_at).strftime("%d-%m-%Y %H.%M")
        text = message.body if len(message.body) <= 80 else message.body[:77] + "…"
        return f"{message.get_kind_display()}, {when}: {text}"


class ExpertAnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Uw antwoord"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
    )
    to = forms.ChoiceField(
        label=_("Aan wie"),
        choices=[
            ("advisor", _("Aan de adviseur (die het antwoord doorgeeft)")),
            ("council", _("Direct aan de raad")),
        ],
        initial="advisor",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, may_answer_council: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_answer_council:
            del self.fields["to"]
