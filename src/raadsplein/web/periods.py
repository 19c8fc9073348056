"""Months for the staff screens' figures (Vraagbaak, Signalen): month arithmetic, the default
period, a month field and the checks on a chosen range, in one place.

A month is a ``datetime.date`` on the first of the month.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_MONTHS = 60


def add_months(month: datetime.date, n: int) -> datetime.date:
    """The first of the month ``n`` months after ``month`` (before it when ``n`` < 0)."""
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_months(n: int = 12, today: datetime.date | None = None):
    """The last ``n`` months, this month included: (first month, last month)."""
    last = (today or timezone.localdate()).replace(day=1)
    return add_months(last, -(n - 1)), last


class MonthField(forms.DateField):
    """A month typed as jjjj-mm (the browser's month picker where it has one)."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def __init__(self, *, required: bool = False, **kwargs):
        super().__init__(
            input_formats=["%Y-%m"],
            required=required,
            error_messages={
                "invalid": _("Vul een maand in als jjjj-mm, bijvoorbeeld 2026-03."),
                "required": _("Vul een maand in."),
            },
            **kwargs,
        )


def check_month_range(
    form: forms.Form,
    data: dict,
    *,
    start: str = "van",
    end: str = "tot",
    max_months: int = MAX_MONTHS,
) -> None:
    """Add the form's errors for a chosen range: each month between 2000 and 2100, the last
    not before the first, at most ``max_months`` months."""
    first, last = data.get(start), data.get(end)
    wrong = False
    for name, month in ((start, first), (end, last)):
        if month and not 2000 <= month.year <= 2100:
            form.add_error(name, _("Kies een maand tussen 2000 en 2100."))
            wrong = True
    if wrong or not (first and last):
        return
    if first > last:
        form.add_error(end, _("De laatste maand ligt vóór de eerste."))
    elif add_months(first.replace(day=1), max_months) <= last:
        form.add_error(end, _("Kies ten hoogste %(n)d maanden.") % {"n": max_months})
