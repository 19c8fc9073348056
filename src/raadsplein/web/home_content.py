"""The home page's first content, used by the data migration and by ``ensure_home_page``."""

import uuid

TITLE = "Welkom op Raadsplein"
INTRO = (
    "<p>Raadsplein is de plek voor cliëntenraden in de zorg. Hier vindt u kennis, cursussen, "
    "bijeenkomsten en hulp bij uw vragen. Zodat uw raad goed kan meepraten over de zorg.</p>"
)
# (title, text, link, members only). Only services that exist: Signalen joins when it lands.
# Kennisbank, leren and agenda have public parts, so their cards lead visitors straight there.
SERVICES = [
    (
        "Kennisbank",
        "Handreikingen, checklists, modelbrieven en uitleg over de Wmcz 2018.",
        "/kennisbank/",
        False,
    ),
    (
        "Leeromgeving",
        "Leer wanneer het u uitkomt: korte lessen met tekst, video, podcasts en vragen.",
        "/leren/",
        False,
    ),
    (
        "Cursussen en bijeenkomsten",
        "Cursussen, regionale bijeenkomsten en de Week van de Medezeggenschap.",
        "/agenda/",
        False,
    ),
    (
        "Vraagbaak",
        "Een vraag over medezeggenschap? Onze adviseurs helpen u op werkdagen van 9.00 tot "
        "17.00 uur.",
        "/contact/",
        False,
    ),
    (
        "Lid worden",
        "Ongeveer 1000 cliëntenraden zijn lid. Lees wat het lidmaatschap uw raad oplevert.",
        "/lid-worden/",
        False,
    ),
]


def body() -> list[dict]:
    """StreamField data for the home page body."""
    return [
        {"type": "heading", "value": "Wat vindt u op Raadsplein?", "id": str(uuid.uuid4())},
        {
            "type": "services",
            "id": str(uuid.uuid4()),
            "value": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "title": title,
                        "text": text,
                        "link_page": None,
                        "link_url": link,
                        "members_only": members_only,
                    },
                }
                for title, text, link, members_only in SERVICES
            ],
        },
    ]
