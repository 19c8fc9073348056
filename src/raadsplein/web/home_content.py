"""The home page's first content, used by the data migration and by ``ensure_home_page``."""

import uuid

TITLE = "Welkom op Raadsplein"
INTRO = (
    "<p>Raadsplein is de plek voor cliëntenraden in de zorg. Hier vindt u kennis, cursussen, "
    "bijeenkomsten en hulp bij uw vragen. Zodat uw raad goed kan meepraten over de zorg.</p>"
)
SERVICES = [
    ("Kennisbank", "Handreikingen, checklists, modelbrieven en uitleg over de Wmcz 2018.", True),
    (
        "Leeromgeving",
        "Leer wanneer het u uitkomt: korte lessen met tekst, video, podcasts en vragen.",
        True,
    ),
    (
        "Cursussen en bijeenkomsten",
        "Cursussen, regionale bijeenkomsten en de Week van de Medezeggenschap.",
        True,
    ),
    (
        "Vraagbaak",
        "Een vraag over medezeggenschap? Onze adviseurs helpen u op werkdagen van 9.00 tot "
        "17.00 uur.",
        False,
    ),
    (
        "Signalen",
        "Vertel wat uw raad ziet in de zorg. Wij brengen het naar ministerie, zorgkantoren en "
        "inspectie.",
        True,
    ),
    (
        "Lid worden",
        "Ongeveer 1000 cliëntenraden zijn lid. Lees wat het lidmaatschap uw raad oplevert.",
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
                        "link_url": "/lid-worden/" if title == "Lid worden" else "",
                        "members_only": members_only,
                    },
                }
                for title, text, members_only in SERVICES
            ],
        },
    ]
