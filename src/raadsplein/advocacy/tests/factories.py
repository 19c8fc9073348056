"""Signals for tests, made through the services so they are what a member would make."""

from raadsplein.advocacy import services
from raadsplein.organisations.models import CareSector
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member


def sector(code: str = "ouderenzorg", name: str = "Ouderenzorg") -> CareSector:
    return CareSector.objects.get_or_create(code=code, defaults={"name": name})[0]


def council_in(sector_obj=None, **kwargs):
    """A member council in a sector (ouderenzorg unless told)."""
    council = MemberCouncilFactory(**kwargs)
    council.sectors.set([sector_obj or sector()])
    return council


def report(reporter=None, council=None, **kwargs):
    """A signal reported by a member of ``council`` (both made when not given)."""
    if council is None:
        council = council_in()
    if reporter is None:
        reporter = member(council=council)
    values = {
        "reporter": reporter,
        "council": council,
        "title": "Te weinig personeel in de avond",
        "description": "Bewoners wachten 's avonds lang op hulp bij het naar bed gaan.",
    }
    values.update(kwargs)
    return services.report_signal(**values)
