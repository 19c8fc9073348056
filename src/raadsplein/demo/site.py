"""The site's base data (sectors, regions, home page, staff groups), which every other part
of the demo world needs first, and the demo's contact details of the Vraagbaak."""

from wagtail.models import Site

from raadsplein.web import services
from raadsplein.web.models import ContactSettings

DEMO_CONTACT = {
    "vraagbaak_phone": "030 000 00 00 (demo)",
    "vraagbaak_email": "vraagbaak@demo.raadsplein.nl",
    "vraagbaak_hours": "Op werkdagen van 9.00 tot 17.00 uur",
    "membership_costs": (
        "Demo: een raad betaalt een vast bedrag per jaar, afhankelijk van de grootte van de "
        "zorgaanbieder. Een persoonlijk lidmaatschap als vriend of vrijwilliger is gratis."
    ),
}


def build(*, log) -> None:
    services.ensure_base_data()
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.objects.filter(site=site).first() or ContactSettings(site=site)
    if any(getattr(contact, k) != v for k, v in DEMO_CONTACT.items()) or contact.pk is None:
        for key, value in DEMO_CONTACT.items():
            setattr(contact, key, value)
        contact.save()
