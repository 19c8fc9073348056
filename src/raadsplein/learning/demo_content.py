"""Demo courses, written for this project in plain Dutch. Facts follow DOMAIN.md; where the
law is cited, the text says to check the law itself.

Step tuples: ("text", title, html), ("audio", title, transcript), ("quiz", title, questions),
("download", title, document title, document text), ("live", title).
Question tuples: (kind, prompt, options, explanation); options are (text, correct, feedback)
for choice questions, (text,) in the right order for ordering, (left, right) for matching.
"""

THEMES = [
    ("Wet en rechten", "wet-en-rechten"),
    ("Vergaderen en voorzitten", "vergaderen-en-voorzitten"),
    ("Samenwerken met het bestuur", "samenwerken-met-het-bestuur"),
    ("Geld en begroting", "geld-en-begroting"),
    ("Achterban", "achterban"),
    ("Leden werven", "leden-werven"),
    ("Ondersteuning", "ondersteuning"),
]

TF = [("Waar", True, ""), ("Niet waar", False, "")]
FT = [("Waar", False, ""), ("Niet waar", True, "")]

COURSES = [
    {
        "slug": "welkom-in-de-clientenraad",
        "title": "Welkom in de cliëntenraad",
        "summary": "Net begonnen in de raad? In deze korte cursus leert u wat een cliëntenraad "
        "doet, wie u vertegenwoordigt en hoe een vergadering loopt.",
        "level": "start",
        "minutes": 45,
        "themes": ["wet-en-rechten", "achterban"],
        "roles": [],
        "new": True,
        "audience": "public",
        "modules": [
            (
                "Wat doet een cliëntenraad?",
                "De taak van de raad in een paar minuten.",
                [
                    (
                        "text",
                        "De raad in het kort",
                        "<p>Een cliëntenraad praat mee over de zorg van een zorgaanbieder. "
                        "De raad kijkt door de ogen van de mensen die zorg krijgen: wat gaat "
                        "goed, en wat kan beter?</p><p>De raad geeft advies aan het bestuur, "
                        "soms gevraagd en soms uit zichzelf. Over een aantal onderwerpen moet "
                        "het bestuur eerst de instemming van de raad hebben.</p>",
                    ),
                    (
                        "audio",
                        "Podcast: mijn eerste jaar in de raad",
                        "Welkom bij deze korte podcast. Dit is een demo-opname.\n\n"
                        "In mijn eerste jaar in de cliëntenraad dacht ik vaak: mag ik dit wel "
                        "vragen? Het antwoord is ja. U zit in de raad omdat u weet hoe de zorg "
                        "voelt voor de mensen die haar krijgen.\n\nMijn tip: lees de stukken "
                        "op tijd, schrijf uw vragen op, en vraag na de vergadering aan de "
                        "voorzitter wat u nog niet begreep.",
                    ),
                ],
            ),
            (
                "Voor wie zit u in de raad?",
                "Uw achterban: de cliënten en hun naasten.",
                [
                    (
                        "text",
                        "Uw achterban",
                        "<p>De raad spreekt namens alle cliënten van de zorgaanbieder, niet "
                        "alleen namens de leden zelf. Die groep heet de achterban.</p><p>Praat "
                        "daarom regelmatig met cliënten en familie. Zo weet u wat er speelt "
                        "en kunt u dat meenemen in uw advies.</p>",
                    ),
                    (
                        "download",
                        "Checklist: kennismaken met de achterban",
                        "Checklist kennismaken met de achterban (demo)",
                        "Checklist kennismaken met de achterban (demo)\n\n"
                        "1. Stel uzelf voor in de nieuwsbrief van de locatie.\n"
                        "2. Schuif één keer per kwartaal aan bij een koffiemoment.\n"
                        "3. Vraag: wat gaat goed, wat kan beter?\n"
                        "4. Schrijf op wat u hoort en bespreek het in de raad.\n",
                    ),
                ],
            ),
            (
                "Uw eerste vergadering",
                "Zo bereidt u zich voor.",
                [
                    (
                        "text",
                        "Voorbereiden in drie stappen",
                        "<ol><li>Lees de agenda en de stukken een paar dagen van tevoren."
                        "</li><li>Schrijf bij elk punt op wat u wilt weten.</li><li>Bespreek "
                        "twijfels vooraf met de voorzitter of de ondersteuner.</li></ol>",
                    ),
                    (
                        "quiz",
                        "Toets: welkom in de raad",
                        [
                            (
                                "single",
                                "Namens wie spreekt de cliëntenraad?",
                                [
                                    (
                                        "Alleen namens de leden van de raad",
                                        False,
                                        "Nee, de raad spreekt namens een grotere groep.",
                                    ),
                                    (
                                        "Namens alle cliënten van de zorgaanbieder",
                                        True,
                                        "Goed: dat is de achterban van de raad.",
                                    ),
                                    (
                                        "Namens het bestuur",
                                        False,
                                        "Nee, het bestuur vraagt juist de raad om advies.",
                                    ),
                                ],
                                "De achterban zijn alle cliënten, en vaak ook hun naasten.",
                            ),
                            (
                                "true_false",
                                "Een raadslid mag alleen vragen stellen als hij of zij alles "
                                "van de zorg weet.",
                                FT,
                                "Juist uw eigen ervaring maakt uw vragen waardevol.",
                            ),
                            (
                                "ordering",
                                "Zet de voorbereiding op een vergadering in de goede volgorde.",
                                [
                                    ("Agenda en stukken lezen",),
                                    ("Vragen opschrijven",),
                                    ("Vragen bespreken in de vergadering",),
                                ],
                                "Eerst lezen, dan vragen noteren, dan bespreken.",
                            ),
                        ],
                    ),
                    ("live", "Kennismakingsbijeenkomst voor nieuwe leden"),
                ],
            ),
        ],
    },
    {
        "slug": "basiscursus-medezeggenschap",
        "title": "Basiscursus medezeggenschap (Wmcz 2018)",
        "summary": "De rechten van de cliëntenraad volgens de Wet medezeggenschap cliënten "
        "zorginstellingen 2018: adviesrecht, instemmingsrecht en wat u doet bij onenigheid.",
        "level": "basis",
        "minutes": 90,
        "themes": ["wet-en-rechten"],
        "roles": [],
        "new": True,
        "audience": "members",
        "prereqs": [("welkom-in-de-clientenraad", "advised")],
        "modules": [
            (
                "De wet in vogelvlucht",
                "Sinds 1 juli 2020 geldt de Wmcz 2018.",
                [
                    (
                        "text",
                        "Waarom een wet?",
                        "<p>De Wmcz 2018 regelt dat zorgaanbieders een cliëntenraad hebben "
                        "en welke rechten die raad heeft. De wet geldt sinds 1 juli 2020.</p>"
                        "<p>Veel afspraken staan niet in de wet zelf, maar in de "
                        "medezeggenschapsregeling van uw zorgaanbieder. Denk aan het aantal "
                        "leden, de termijnen en het budget.</p><p><em>Let op: controleer "
                        "artikelnummers altijd in de wettekst zelf.</em></p>",
                    ),
                    (
                        "audio",
                        "Podcast: de wet in vijf minuten",
                        "Dit is een demo-opname over de Wmcz 2018.\n\nDe wet geeft de raad "
                        "twee sterke rechten. Bij adviesrecht vraagt het bestuur uw advies, "
                        "bijvoorbeeld over de begroting of een grote verbouwing. Bij "
                        "instemmingsrecht mag het bestuur een besluit pas nemen als de raad "
                        "ermee instemt, bijvoorbeeld over het beleid voor kwaliteit en "
                        "veiligheid.\n\nDaarnaast mag de raad altijd uit zichzelf advies "
                        "geven.",
                    ),
                ],
            ),
            (
                "Adviesrecht en instemmingsrecht",
                "Het verschil, met voorbeelden.",
                [
                    (
                        "text",
                        "Advies of instemming?",
                        "<p><strong>Adviesrecht</strong>: het bestuur vraagt uw advies voordat "
                        "het beslist, bijvoorbeeld over een fusie, de begroting of een "
                        "nieuwbouwplan. Volgt het bestuur uw advies niet, dan legt het uit "
                        "waarom.</p><p><strong>Instemmingsrecht</strong>: zonder uw "
                        "instemming mag het besluit niet door. Dat geldt bijvoorbeeld voor de "
                        "klachtenregeling en het beleid voor voeding en recreatie.</p>",
                    ),
                    (
                        "download",
                        "Overzicht: onderwerpen van advies en instemming",
                        "Overzicht advies- en instemmingsrecht (demo)",
                        "Overzicht advies- en instemmingsrecht (demo)\n\n"
                        "Adviesrecht, onder meer: fusie of samenwerking, begroting en "
                        "jaarrekening, grote verbouwing of nieuwbouw (langdurige zorg).\n"
                        "Instemmingsrecht, onder meer: medezeggenschapsregeling, "
                        "klachtenregeling, kwaliteit en veiligheid, voeding en recreatie.\n"
                        "Controleer de precieze tekst altijd in de wet.\n",
                    ),
                ],
            ),
            (
                "Als u het niet eens wordt",
                "Geschillen en de commissie van vertrouwenslieden.",
                [
                    (
                        "text",
                        "Van gesprek naar commissie",
                        "<p>Begin altijd met een gesprek. Komt u er samen niet uit, dan kan "
                        "de raad naar een commissie van vertrouwenslieden, zoals de "
                        "landelijke commissie (LCvV). Die kan bemiddelen of een bindende "
                        "uitspraak doen.</p><p>Een verzwaard adviesrecht bestaat in de wet "
                        "van 2018 niet meer.</p>",
                    ),
                    (
                        "quiz",
                        "Toets: rechten van de raad",
                        [
                            (
                                "single",
                                "Het bestuur wil de klachtenregeling aanpassen. Welk recht "
                                "heeft de raad?",
                                [
                                    (
                                        "Adviesrecht",
                                        False,
                                        "Nee, bij deze regeling is meer nodig dan advies.",
                                    ),
                                    (
                                        "Instemmingsrecht",
                                        True,
                                        "Goed: zonder instemming gaat het niet door.",
                                    ),
                                    ("Geen recht", False, "Jawel, de raad heeft hier een recht."),
                                ],
                                "Regelingen voor cliënten vallen onder instemmingsrecht.",
                            ),
                            (
                                "multiple",
                                "Over welke onderwerpen geeft de raad advies? Kies er twee.",
                                [
                                    ("De begroting", True, "Goed."),
                                    ("Een fusie", True, "Goed."),
                                    ("De klachtenregeling", False, "Daarvoor is instemming nodig."),
                                ],
                                "",
                            ),
                            (
                                "matching",
                                "Koppel het begrip aan de uitleg.",
                                [
                                    ("Adviesrecht", "Het bestuur vraagt uw mening vooraf"),
                                    ("Instemmingsrecht", "Zonder uw ja geen besluit"),
                                    ("Ongevraagd advies", "De raad adviseert uit zichzelf"),
                                ],
                                "",
                            ),
                            (
                                "true_false",
                                "In de Wmcz 2018 bestaat verzwaard adviesrecht.",
                                FT,
                                "Dat recht bestond alleen in de oude wet van 1996.",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "voorzitterscursus",
        "title": "Voorzitterscursus",
        "summary": "Voor voorzitters en wie dat wil worden: een goede vergadering leiden, "
        "iedereen aan het woord laten en het gesprek met de bestuurder voeren.",
        "level": "verdieping",
        "minutes": 75,
        "themes": ["vergaderen-en-voorzitten", "samenwerken-met-het-bestuur"],
        "roles": ["voorzitter", "secretaris"],
        "new": False,
        "audience": "members",
        "prereqs": [("basiscursus-medezeggenschap", "advised")],
        "modules": [
            (
                "De rol van de voorzitter",
                "Leiden zonder de baas te zijn.",
                [
                    (
                        "text",
                        "Wat doet een voorzitter?",
                        "<p>De voorzitter zorgt dat de vergadering goed loopt: op tijd "
                        "beginnen, de agenda volgen, iedereen laten meepraten en afspraken "
                        "helder maken.</p><p>De voorzitter is ook vaak het eerste "
                        "aanspreekpunt voor de bestuurder.</p>",
                    ),
                ],
            ),
            (
                "Een goede vergadering",
                "Agenda, tijd en besluiten.",
                [
                    (
                        "text",
                        "De agenda als kompas",
                        "<p>Maak samen met de secretaris een agenda met tijden per punt. Zet "
                        "bij elk punt wat u wilt bereiken: informeren, bespreken of "
                        "besluiten.</p><p>Vat aan het eind van elk punt samen wat is "
                        "afgesproken en wie wat doet.</p>",
                    ),
                    (
                        "audio",
                        "Podcast: iedereen aan het woord",
                        "Dit is een demo-opname.\n\nIn elke raad zijn er mensen die veel "
                        "praten en mensen die stil zijn. Als voorzitter vraagt u de stille "
                        "leden gericht om hun mening. Geef mensen tijd om na te denken, en "
                        "laat ze eventueel vooraf op papier reageren.",
                    ),
                ],
            ),
            (
                "In gesprek met de bestuurder",
                "Overleg voeren als gelijke partner.",
                [
                    (
                        "text",
                        "Het overleg voorbereiden",
                        "<p>Spreek vooraf in de raad af wat u wilt bereiken en wie wat zegt. "
                        "Vraag stukken op tijd op. Na het overleg legt u de afspraken "
                        "schriftelijk vast.</p>",
                    ),
                    (
                        "quiz",
                        "Toets: voorzitten",
                        [
                            (
                                "single",
                                "Wat doet u aan het eind van een agendapunt?",
                                [
                                    (
                                        "Meteen door naar het volgende punt",
                                        False,
                                        "Dan weet niet iedereen wat er is afgesproken.",
                                    ),
                                    ("Kort samenvatten wat is afgesproken", True, "Goed."),
                                ],
                                "",
                            ),
                            (
                                "true_false",
                                "Een goede voorzitter laat stille leden met rust.",
                                FT,
                                "Vraag stille leden juist gericht naar hun mening.",
                            ),
                            (
                                "ordering",
                                "Zet de stappen rond een overleg met de bestuurder op volgorde.",
                                [
                                    ("Doel afspreken in de raad",),
                                    ("Overleg voeren",),
                                    ("Afspraken vastleggen",),
                                ],
                                "",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "het-huishoudboekje-van-de-instelling",
        "title": "Het huishoudboekje van de instelling",
        "summary": "Begroting en jaarrekening lezen zonder financiële achtergrond. Zo stelt u "
        "de goede vragen over geld en zorg.",
        "level": "verdieping",
        "minutes": 80,
        "themes": ["geld-en-begroting"],
        "roles": [],
        "new": False,
        "audience": "members",
        "prereqs": [("basiscursus-medezeggenschap", "required")],
        "modules": [
            (
                "Begroting en jaarrekening",
                "Twee documenten, twee vragen.",
                [
                    (
                        "text",
                        "Vooruit en terug kijken",
                        "<p>De <strong>begroting</strong> kijkt vooruit: wat wil de "
                        "zorgaanbieder volgend jaar uitgeven en ontvangen? De "
                        "<strong>jaarrekening</strong> kijkt terug: hoe ging het echt?</p>"
                        "<p>Over beide heeft de raad adviesrecht.</p>",
                    ),
                ],
            ),
            (
                "Waar komt het geld vandaan?",
                "Zorgkantoor, zorgverzekeraar en gemeente.",
                [
                    (
                        "text",
                        "Geldstromen in de zorg",
                        "<p>Langdurige zorg wordt vaak betaald via het zorgkantoor. "
                        "Wijkverpleging via de zorgverzekeraar. Jeugdzorg en hulp thuis "
                        "vaak via de gemeente.</p><p>Vraag bij de begroting: welke afspraken "
                        "zijn er met deze partijen, en wat betekent dat voor cliënten?</p>",
                    ),
                    (
                        "audio",
                        "Podcast: drie vragen over geld",
                        "Dit is een demo-opname.\n\nDrie vragen die u altijd kunt stellen "
                        "over de begroting. Eén: wat verandert er voor cliënten? Twee: waar "
                        "wordt op bezuinigd, en waarom daar? Drie: welke risico's ziet het "
                        "bestuur, en hoe merken cliënten dat?",
                    ),
                ],
            ),
            (
                "De goede vragen stellen",
                "Van cijfers naar zorg.",
                [
                    (
                        "download",
                        "Vragenlijst bij de begroting",
                        "Vragenlijst bij de begroting (demo)",
                        "Vragenlijst bij de begroting (demo)\n\n"
                        "- Wat betekent deze begroting voor de zorg aan cliënten?\n"
                        "- Waar wordt meer of minder aan uitgegeven dan vorig jaar?\n"
                        "- Hoeveel geld is er voor de cliëntenraad zelf?\n",
                    ),
                    (
                        "quiz",
                        "Toets: het huishoudboekje",
                        [
                            (
                                "matching",
                                "Koppel het document aan wat het laat zien.",
                                [
                                    ("Begroting", "Plannen voor volgend jaar"),
                                    ("Jaarrekening", "Hoe het afgelopen jaar ging"),
                                ],
                                "",
                            ),
                            (
                                "single",
                                "Wie betaalt meestal de langdurige zorg in een verpleeghuis?",
                                [
                                    ("Het zorgkantoor", True, "Goed."),
                                    (
                                        "De gemeente",
                                        False,
                                        "De gemeente betaalt vooral jeugdzorg en hulp thuis.",
                                    ),
                                ],
                                "",
                            ),
                            (
                                "true_false",
                                "De raad heeft adviesrecht over de begroting.",
                                TF,
                                "",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "werven-van-nieuwe-leden",
        "title": "Werven van nieuwe leden",
        "summary": "Hoe vindt u nieuwe leden voor de raad, en hoe zorgt u dat ze blijven?",
        "level": "basis",
        "minutes": 50,
        "themes": ["leden-werven"],
        "roles": ["voorzitter", "secretaris", "ondersteuner"],
        "new": False,
        "audience": "members",
        "modules": [
            (
                "Wie zoekt u?",
                "Een profiel maken.",
                [
                    (
                        "text",
                        "Een profiel voor een nieuw lid",
                        "<p>Kijk eerst wat de raad mist: iemand uit een bepaalde locatie, "
                        "iemand met ervaring in de thuiszorg, een jongere? Schrijf dat op in "
                        "een kort profiel.</p>",
                    ),
                ],
            ),
            (
                "Waar vindt u kandidaten?",
                "Kanalen die werken.",
                [
                    (
                        "text",
                        "Persoonlijk werkt het best",
                        "<p>Een persoonlijke uitnodiging werkt vaak beter dan een oproep. "
                        "Vraag zorgmedewerkers wie goed zou passen. Gebruik ook de "
                        "nieuwsbrief, een poster bij de ingang en een open vergadering.</p>",
                    ),
                    (
                        "audio",
                        "Podcast: zo kwam ik in de raad",
                        "Dit is een demo-opname.\n\nIk kwam in de raad omdat een "
                        "verzorgende mij aansprak. Ze zei: u heeft altijd goede ideeën, "
                        "waarom doet u niet mee? Daarna mocht ik een vergadering bijwonen. "
                        "Zo wist ik waar ik ja tegen zei.",
                    ),
                ],
            ),
            (
                "Nieuwe leden laten blijven",
                "Inwerken en begeleiden.",
                [
                    (
                        "text",
                        "Een goed begin",
                        "<p>Geef een nieuw lid een maatje in de raad, een map met de "
                        "belangrijkste stukken en de cursus Welkom in de cliëntenraad.</p>",
                    ),
                    (
                        "quiz",
                        "Toets: leden werven",
                        [
                            (
                                "single",
                                "Wat werkt meestal het best om een nieuw lid te vinden?",
                                [
                                    ("Een persoonlijke uitnodiging", True, "Goed."),
                                    (
                                        "Een advertentie in de krant",
                                        False,
                                        "Dat kan, maar persoonlijk contact werkt vaak beter.",
                                    ),
                                ],
                                "",
                            ),
                            (
                                "multiple",
                                "Wat helpt een nieuw lid op weg? Kies er twee.",
                                [
                                    ("Een maatje in de raad", True, "Goed."),
                                    ("Een map met de belangrijkste stukken", True, "Goed."),
                                    (
                                        "Meteen voorzitter worden",
                                        False,
                                        "Dat is meestal te veel in het begin.",
                                    ),
                                ],
                                "",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "in-contact-met-je-achterban",
        "title": "In contact met je achterban",
        "summary": "Manieren om te horen wat cliënten en naasten belangrijk vinden, en hoe u "
        "laat zien wat de raad ermee doet.",
        "level": "basis",
        "minutes": 60,
        "themes": ["achterban"],
        "roles": [],
        "new": False,
        "audience": "members",
        "modules": [
            (
                "Waarom contact?",
                "Zonder achterban geen goed advies.",
                [
                    (
                        "text",
                        "Weten wat er leeft",
                        "<p>De raad geeft beter advies als hij weet wat cliënten ervaren. "
                        "Contact met de achterban is dus geen extraatje, maar de kern van "
                        "het werk.</p>",
                    ),
                ],
            ),
            (
                "Manieren om te luisteren",
                "Van koffietafel tot enquête.",
                [
                    (
                        "text",
                        "Kies wat past",
                        "<p>Een koffietafel, een korte enquête, een spreekuur of meelopen op "
                        "een afdeling: kies een vorm die past bij de cliënten. Bij mensen met "
                        "dementie werkt een gesprek met familie vaak beter dan een "
                        "vragenlijst.</p>",
                    ),
                    (
                        "audio",
                        "Podcast: de koffietafel",
                        "Dit is een demo-opname.\n\nEens per maand schuiven wij aan bij de "
                        "koffie op een afdeling. We vragen niet: heeft u klachten? We vragen: "
                        "wat maakte uw week goed? Zo hoor je veel meer.",
                    ),
                ],
            ),
            (
                "Laten zien wat u doet",
                "Terugkoppelen.",
                [
                    (
                        "text",
                        "Vertel wat u met de input deed",
                        "<p>Zet in de nieuwsbrief of op een prikbord wat de raad heeft "
                        "gehoord en wat hij ermee heeft gedaan. Dan blijven mensen hun "
                        "ervaringen delen.</p>",
                    ),
                    (
                        "quiz",
                        "Toets: achterban",
                        [
                            (
                                "true_false",
                                "Contact met de achterban is de kern van het werk van de raad.",
                                TF,
                                "",
                            ),
                            (
                                "ordering",
                                "Zet de stappen op volgorde.",
                                [
                                    ("Luisteren naar cliënten",),
                                    ("Bespreken in de raad",),
                                    ("Terugkoppelen wat de raad deed",),
                                ],
                                "",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
]

PATHS = [
    (
        "new_member",
        "Leerroute nieuw raadslid",
        "Voor wie net in de raad zit.",
        ["welkom-in-de-clientenraad", "basiscursus-medezeggenschap", "in-contact-met-je-achterban"],
    ),
    (
        "lid",
        "Leerroute ervaren raadslid",
        "Verdieping voor wie al een tijd meedraait.",
        [
            "basiscursus-medezeggenschap",
            "het-huishoudboekje-van-de-instelling",
            "in-contact-met-je-achterban",
        ],
    ),
    (
        "voorzitter",
        "Leerroute voorzitter",
        "Voor voorzitters van een raad.",
        ["voorzitterscursus", "werven-van-nieuwe-leden", "het-huishoudboekje-van-de-instelling"],
    ),
    (
        "secretaris",
        "Leerroute secretaris",
        "Voor secretarissen van een raad.",
        ["voorzitterscursus", "werven-van-nieuwe-leden", "in-contact-met-je-achterban"],
    ),
    (
        "ondersteuner",
        "Leergang ondersteuner",
        "Voor ondersteuners en ambtelijk secretarissen.",
        ["basiscursus-medezeggenschap", "werven-van-nieuwe-leden", "in-contact-met-je-achterban"],
    ),
]
