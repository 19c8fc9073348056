"""The "Mijn Raadsplein" panel with the person's councils, roles and terms (registered in
OrganisationsConfig.ready, like every app's panels)."""

import datetime

from django.conf import settings
from django.utils import timezone

from . import selectors as org_selectors
from .rules import is_member


def seats_panel_context(request) -> dict:
    today = timezone.localdate()
    warn_before = today + datetime.timedelta(days=settings.RAADSPLEIN_TERM_WARNING_DAYS)
    seats = []
    for seat in org_selectors.current_seats_for(request.user, today=today):
        seats.append(
            {
                "seat": seat,
                "ending_soon": seat.end_date is not None and seat.end_date <= warn_before,
                "days_left": (seat.end_date - today).days if seat.end_date else None,
            }
        )
    return {
        "seats": seats,
        "is_member": is_member(request.user),
        "memberships": list(org_selectors.individual_memberships_for(request.user)),
        "term_warning_days": settings.RAADSPLEIN_TERM_WARNING_DAYS,
    }
