# ruff: noqa: E501 -- prose content: long Dutch sentences read better unbroken
"""Demo publications, part 1. Written for Raadsplein in plain Dutch; titles partly follow
the publication list in the seeds' annual report. Fields: slug, title, kind, audience,
themes, sectors, summary, body (Markdown)."""

P = [
    {
        "slug": "model-medezeggenschapsregeling",
        "title": "Model medezeggenschapsregeling",
        "kind": "modelregeling",
        "audience": "members",
        "teaser": True,
        "themes": ["Medezeggenschap en de wet", "De raad organiseren"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Een voorbeeld van een medezeggenschapsregeling (MZR) volgens de Wmcz 2018. "
        "U past het aan uw eigen organisatie aan, samen met de bestuurder.",
        "body": """## Waarom een medezeggenschapsregeling?
Elke zorgaanbieder moet volgens de Wmcz 2018 een medezeggenschapsregeling hebben. In die
regeling staan de afspraken tussen de cliëntenraad en de bestuurder: hoeveel leden de raad
heeft, hoe de raad werkt en welke termijnen gelden voor advies en instemming.

## Hoe gebruikt u dit model?
Lees het model samen met de andere leden. Streep door wat niet bij uw organisatie past en vul
aan wat ontbreekt. Bespreek daarna de tekst met de bestuurder. De cliëntenraad heeft
instemmingsrecht op de regeling: zonder uw instemming gaat zij niet in.

## Wat staat erin?
- het aantal leden en de zittingstermijn
- hoe nieuwe leden worden gekozen of benoemd
- het budget en de faciliteiten van de raad
- de termijn waarbinnen de raad advies geeft
- welke commissie van vertrouwenslieden geschillen behandelt
""",
        "pdf": True,
    },
    {
        "slug": "handreiking-omgaan-met-de-medezeggenschapsregeling",
        "title": "Handreiking omgaan met de medezeggenschapsregeling",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet", "Samenwerken met de bestuurder"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Hoe maakt u van de medezeggenschapsregeling een werkend document? Tips om de "
        "regeling te bespreken, te toetsen en elk jaar opnieuw te bekijken.",
        "body": """## Een regeling die leeft
Veel raden hebben een regeling die in een la ligt. Deze handreiking helpt u de afspraken
echt te gebruiken. Kijk bijvoorbeeld elk jaar met de bestuurder of de termijnen voor advies
nog werken.

## Onderhandelen over de tekst
De bestuurder stelt de regeling op, maar de raad moet instemmen. Maak een lijst van uw
wensen en bespreek die vroeg. Vraag om een redelijke termijn om te reageren.

## Als u er samen niet uitkomt
Leg het geschil voor aan de commissie van vertrouwenslieden die in de regeling staat, of aan
de landelijke commissie (LCvV).
""",
    },
    {
        "slug": "checklist-medezeggenschapsregeling",
        "title": "Checklist medezeggenschapsregeling",
        "kind": "checklist",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg", "ziekenhuiszorg"],
        "summary": "Loop met deze checklist uw MZR na: staat alles erin wat de wet vraagt, en "
        "staat er niets in dat uw rechten beperkt?",
        "body": """## Gebruik
Leg de checklist naast uw huidige regeling. Zet een vinkje bij elk punt dat goed geregeld is.
Bespreek de open punten in de volgende vergadering.

## Punten om na te lopen
- Zijn advies- en instemmingsrecht volledig beschreven?
- Staat er een redelijke termijn voor het antwoord van de bestuurder?
- Is het budget van de raad vastgelegd?
- Is geregeld wie de raad ondersteunt?
- Staat erin welke commissie geschillen behandelt?
""",
        "pdf": True,
    },
    {
        "slug": "model-huishoudelijk-reglement",
        "title": "Model huishoudelijk reglement (centrale) cliëntenraad",
        "kind": "modelregeling",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg"],
        "summary": "Afspraken over hoe uw raad intern werkt: taken van voorzitter en secretaris, "
        "vergaderen, besluiten nemen en omgaan met vertrouwelijke stukken.",
        "body": """## Waarvoor dient een huishoudelijk reglement?
De medezeggenschapsregeling regelt de afspraken met de bestuurder. Het huishoudelijk
reglement regelt hoe de raad zelf werkt. U stelt het zelf vast.

## Wat regelt u?
Wie zit de vergadering voor, hoe vaak vergadert u, wanneer is een besluit genomen, hoe gaat u
om met een lid dat vaak afwezig is. Voor een centrale cliëntenraad regelt u ook de
verdeling van taken met de lokale raden.
""",
    },
    {
        "slug": "visie-op-medezeggenschap",
        "title": "Handreiking Visie op medezeggenschap",
        "kind": "handreiking",
        "audience": "members",
        "teaser": True,
        "themes": ["Samenwerken met de bestuurder", "Achterban"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg", "jeugdzorg"],
        "summary": "Samen met de bestuurder een visie op medezeggenschap schrijven: waarom doen we "
        "het, wat willen we bereiken en hoe merken cliënten er iets van?",
        "body": """## Eerst de bedoeling
Een visie beschrijft waarom medezeggenschap belangrijk is voor uw organisatie. Niet de wet
staat voorop, maar het leven van cliënten. Wat moet er voor hen beter worden?

## Samen schrijven
Schrijf de visie met de bestuurder en eventueel met de ondernemingsraad. Plan twee of drie
gesprekken. Gebruik voorbeelden uit de praktijk.

## Elk jaar bespreken
Kijk elk jaar samen terug: doen we wat we hebben afgesproken?
""",
    },
    {
        "slug": "bouwstenen-ver-en-nieuwbouw",
        "title": "Bouwstenen voor cliëntenraden bij ver- en nieuwbouw",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Huisvesting en bouw"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg", "ggz"],
        "summary": "Uw zorgaanbieder gaat verbouwen of nieuw bouwen. Wanneer praat de raad mee, en "
        "waar let u op bij plannen voor wonen, licht, ruimte en buitenruimte?",
        "body": """## Adviesrecht bij bouwplannen
Bij een grote verbouwing, nieuwbouw of verhuizing heeft de raad in de langdurige zorg
adviesrecht. Vraag om uw advies op tijd: als het ontwerp al klaar is, is het te laat.

## Waar let u op?
- genoeg daglicht en frisse lucht in de kamers
- een veilige, goed bereikbare tuin
- ruimte voor bezoek en familie
- goede bewegwijzering voor mensen met dementie

## Hulp van de Bouwpool
Vrijwilligers met kennis van bouwen kijken met u mee naar tekeningen en plannen.
""",
        "pdf": True,
    },
    {
        "slug": "vrijwilligers-in-de-clientenraad",
        "title": "Vrijwilligers in de cliëntenraad",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Leden werven en behouden", "De raad organiseren"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg", "ggz"],
        "summary": "De meeste raadsleden zijn vrijwilliger. Wat mogen zij verwachten aan "
        "vergoeding, verzekering, scholing en waardering?",
        "body": """## Een vrijwillige taak
Raadsleden doen hun werk naast hun gewone leven. Goede afspraken over tijd, vergoeding en
ondersteuning helpen om het vol te houden.

## Vergoeding
De zorgaanbieder betaalt de kosten die redelijkerwijs nodig zijn. Veel raden krijgen een
vrijwilligersvergoeding. Leg dit vast in de medezeggenschapsregeling.

## Waardering
Zeg dank je wel, vier successen en bied scholing aan. Zo blijven leden langer.
""",
    },
    {
        "slug": "bindend-voordrachtsrecht-raad-van-toezicht",
        "title": "Bindend voordrachtsrecht raad van toezicht",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Toezicht en bestuur", "Medezeggenschap en de wet"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg", "ziekenhuiszorg"],
        "summary": "De cliëntenraad mag ten minste één lid van de raad van toezicht bindend "
        "voordragen. Zo pakt u de werving en selectie aan.",
        "body": """## Wat houdt het recht in?
De raad van toezicht (RvT) benoemt de persoon die de cliëntenraad voordraagt, tenzij er
zwaarwegende redenen zijn om dat niet te doen. Zo heeft een toezichthouder extra oog voor
cliënten.

## Stappen
1. Bespreek met de raad van toezicht het profiel van de nieuwe toezichthouder.
2. Zet een vacature uit, ook buiten uw eigen netwerk.
3. Voer gesprekken met kandidaten, samen met twee leden van de RvT.
4. Doe een schriftelijke voordracht.
""",
    },
    {
        "slug": "voorzitter-van-de-clientenraad",
        "title": "Voorzitter van de cliëntenraad",
        "kind": "brochure",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg", "jeugdzorg"],
        "summary": "Wat doet een voorzitter van de cliëntenraad? Over vergaderingen leiden, het "
        "gesprek met de bestuurder en zorgen dat iedereen meedoet.",
        "body": """## De rol
De voorzitter leidt de vergadering, bewaakt de tijd en zorgt dat elk lid aan het woord
komt. Hij of zij is vaak het eerste aanspreekpunt voor de bestuurder.

## Goed vergaderen
Stuur de agenda op tijd rond. Begin met de belangrijkste punten. Sluit elk punt af met een
duidelijk besluit of een actie.

## Niet alleen
Een goede voorzitter verdeelt het werk. Vraag de secretaris en de ondersteuner om hulp.
""",
    },
    {
        "slug": "modelbrieven-en-adviesroutes",
        "title": "Modelbrieven en adviesroutes cliëntenraad",
        "kind": "modelbrief",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet", "Samenwerken met de bestuurder"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Voorbeeldbrieven voor een adviesaanvraag, een advies, een ongevraagd advies en "
        "een verzoek om informatie, met een schema van de adviesroute.",
        "body": """## De adviesroute in stappen
1. De bestuurder vraagt schriftelijk om advies, met alle stukken.
2. De raad stelt vragen en bespreekt het voorstel met de achterban.
3. De raad geeft schriftelijk advies.
4. De bestuurder laat schriftelijk weten wat hij met het advies doet.

## Ongevraagd advies
U mag ook zelf advies geven over een onderwerp dat cliënten raakt. De bestuurder antwoordt
schriftelijk en met redenen.
""",
        "docx": True,
    },
    {
        "slug": "modelovereenkomst-ondersteuner",
        "title": "Modelovereenkomst ondersteuner cliëntenraad",
        "kind": "modelregeling",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg"],
        "summary": "Afspraken tussen de raad, de ondersteuner en de zorgaanbieder: taken, uren, "
        "geheimhouding en aan wie de ondersteuner verantwoording aflegt.",
        "body": """## Onafhankelijk ondersteunen
Een ondersteuner (ook wel ambtelijk secretaris) werkt voor de raad, ook al betaalt de
zorgaanbieder het salaris. De raad heeft instemmingsrecht op de keuze van de ondersteuner.

## Wat regelt de overeenkomst?
Taken, het aantal uren per week, geheimhouding, en dat de ondersteuner geen nadeel mag
ondervinden van zijn werk voor de raad.
""",
    },
    {
        "slug": "bewaarkaart-adviesrecht-profiel-rvb-rvt",
        "title": "Bewaarkaart adviesrecht profiel leden raad van bestuur en raad van toezicht",
        "kind": "bewaarkaart",
        "audience": "members",
        "themes": ["Toezicht en bestuur"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg", "ziekenhuiszorg"],
        "summary": "Op één kaart: wanneer de raad advies geeft over het profiel van een nieuwe "
        "bestuurder of toezichthouder, en welke vragen u stelt.",
        "body": """## Wanneer?
Voordat de werving van een nieuw lid van de raad van bestuur of de raad van toezicht begint,
vraagt de organisatie de cliëntenraad om advies over het profiel.

## Vragen om te stellen
- Wat betekent deze persoon voor cliënten?
- Heeft de kandidaat ervaring met medezeggenschap?
- Hoe houdt de kandidaat contact met cliënten?
""",
    },
    {
        "slug": "bewaarkaart-instemmingsrecht-kwaliteitsplan",
        "title": "Bewaarkaart instemmingsrecht kwaliteitsplan verpleeghuizen",
        "kind": "bewaarkaart",
        "audience": "members",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg"],
        "summary": "Het kwaliteitsplan van het verpleeghuis: waar de raad over meepraat, wanneer u "
        "instemming geeft en hoe u het verslag bekijkt.",
        "body": """## Het kwaliteitsplan
Elk verpleeghuis maakt elk jaar een kwaliteitsplan en een kwaliteitsverslag. De
cliëntenraad heeft instemmingsrecht op het kwaliteitsbeleid.

## Tips
Vraag het plan vroeg op. Laat bewoners en familie vertellen wat zij belangrijk vinden. Kijk
in het verslag of de afspraken van vorig jaar zijn gehaald.
""",
    },
    {
        "slug": "handreiking-bezoek-en-sociaal-contact",
        "title": "Handreiking bezoek en sociaal contact in verpleeghuizen",
        "kind": "handreiking",
        "audience": "public",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg"],
        "summary": "Hoe houden bewoners contact met familie en vrienden, ook als er een besmettelijke "
        "ziekte rondgaat? Afspraken die de raad met de bestuurder kan maken.",
        "body": """## Contact is zorg
Bezoek van naasten is voor bewoners van groot belang. Dat bleek in de coronatijd. Maak
vooraf afspraken over wat er gebeurt bij een uitbraak.

## Rol van de cliëntenraad
De raad praat mee over de regels voor bezoek. Vraag hoe bewoners en familie gehoord worden
en hoe uitzonderingen worden geregeld.
""",
    },
    {
        "slug": "handreiking-inspraak",
        "title": "Handreiking inspraak",
        "kind": "handreiking",
        "audience": "public",
        "themes": ["Achterban"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg"],
        "summary": "Inspraak gaat over het dagelijks leven op de woongroep of afdeling. Hoe "
        "organiseert u dat, naast de cliëntenraad?",
        "body": """## Inspraak en medezeggenschap
Medezeggenschap gaat over beleid van de hele organisatie. Inspraak gaat over het dagelijks
leven: eten, activiteiten, de huiskamer. Beide zijn nodig.

## Vormen van inspraak
Een bewonersoverleg, een ideeënbus, een gesprek aan tafel met de teamleider. Kies wat past bij
de mensen die er wonen.
""",
    },
    {
        "slug": "basisinformatie-wmcz",
        "title": "Basisinformatie Wmcz 2018",
        "kind": "brochure",
        "audience": "public",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": [
            "ouderenzorg",
            "thuiszorg",
            "ggz",
            "gehandicaptenzorg",
            "jeugdzorg",
            "ziekenhuiszorg",
        ],
        "summary": "De Wet medezeggenschap cliënten zorginstellingen in gewone woorden: welke "
        "rechten de cliëntenraad heeft en wat de zorgaanbieder moet regelen.",
        "body": """## Sinds 1 juli 2020
De Wmcz 2018 geldt sinds 1 juli 2020. De wet geeft cliëntenraden meer rechten dan de oude
wet uit 1996.

## De rechten op een rij
- adviesrecht, bijvoorbeeld over de begroting en over een fusie
- instemmingsrecht, bijvoorbeeld over de kwaliteit van zorg en over voeding
- ongevraagd advies geven
- een lid van de raad van toezicht bindend voordragen

## Faciliteiten
De zorgaanbieder betaalt de kosten die de raad redelijkerwijs nodig heeft, zoals scholing
en ondersteuning.
""",
        "pdf": True,
    },
    {
        "slug": "video-wmcz-in-vijf-minuten",
        "title": "Video: de Wmcz in vijf minuten",
        "kind": "video",
        "audience": "public",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Een korte uitlegvideo over de wet voor nieuwe raadsleden. Met uitgeschreven "
        "tekst voor wie liever leest.",
        "body": """De video legt in vijf minuten uit wat een cliëntenraad doet en welke rechten de
raad heeft. Geschikt om te laten zien in de eerste vergadering van een nieuw lid.
""",
        "transcript": "Welkom. In deze video hoort u wat een cliëntenraad is. Elke zorgaanbieder "
        "met meer dan tien mensen in dienst heeft een cliëntenraad. De raad komt op voor de "
        "belangen van alle cliënten. De raad mag advies geven, bijvoorbeeld over de begroting. "
        "En de raad moet instemmen met sommige besluiten, zoals het beleid over voeding en "
        "schoonmaak. Heeft u vragen? Bel dan de Vraagbaak.",
    },
    {
        "slug": "podcast-mijmeren-visie",
        "title": "Podcast Mijmeren over medezeggenschap: visie",
        "kind": "podcast",
        "audience": "members",
        "themes": ["Samenwerken met de bestuurder"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg"],
        "summary": "Twee adviseurs praten over het waarom van medezeggenschap en over een visie "
        "die je samen met de bestuurder maakt.",
        "body": """Een aflevering van onze podcast. Luister onderweg of lees de uitgeschreven tekst.
""",
        "transcript": "Adviseur één: waarom doen we eigenlijk aan medezeggenschap? Adviseur twee: "
        "omdat cliënten het beste weten wat goede zorg is. Een visie helpt om dat gesprek met "
        "de bestuurder te voeren. Niet de regels staan voorop, maar de vraag wat er voor de "
        "bewoner beter wordt.",
        "audio": True,
    },
    {
        "slug": "podcast-mijmeren-kwaliteitsbeleid",
        "title": "Podcast Mijmeren over medezeggenschap: invloed op het kwaliteitsbeleid",
        "kind": "podcast",
        "audience": "members",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg", "ggz"],
        "summary": "Hoe krijgt de cliëntenraad echt invloed op het kwaliteitsbeleid? Een gesprek "
        "over kwaliteitsplannen, metingen en de ervaringen van bewoners.",
        "body": """Een aflevering van onze podcast over kwaliteit van zorg.""",
        "transcript": "In deze aflevering hebben we het over kwaliteit. Cijfers zeggen iets, maar "
        "de verhalen van bewoners zeggen meer. Vraag de bestuurder om beide. Een cliëntenraad "
        "die op bezoek gaat bij afdelingen hoort wat er speelt.",
    },
    {
        "slug": "podcast-mijmeren-corona",
        "title": "Podcast Mijmeren over medezeggenschap: cliëntenraad en corona",
        "kind": "podcast",
        "audience": "members",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg"],
        "summary": "Wat leerden cliëntenraden in de coronatijd? Over snel beslissen, digitaal "
        "vergaderen en toch betrokken blijven.",
        "body": """Een aflevering over medezeggenschap in crisistijd.""",
        "transcript": "Tijdens de crisis moest alles snel. Veel raden vergaderden digitaal met de "
        "bestuurder, soms elke week. De les: spreek vooraf af hoe de raad betrokken blijft als "
        "er snel besloten moet worden.",
    },
    {
        "slug": "alle-podcastafleveringen",
        "title": "Overzicht: alle podcastafleveringen van Mijmeren over medezeggenschap",
        "kind": "artikel",
        "audience": "public",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": [],
        "summary": "Alle podcastafleveringen op een rij, met een korte beschrijving van elke "
        "aflevering en waar u ze kunt beluisteren.",
        "body": """## Luisteren
De podcastafleveringen zijn voor leden te beluisteren in de kennisbank. Elke aflevering duurt
ongeveer twintig minuten en heeft een uitgeschreven tekst.

## Afleveringen
- Visie op medezeggenschap
- Invloed op het kwaliteitsbeleid
- Cliëntenraad en corona
""",
    },
    {
        "slug": "stroomstootwapens-in-de-ggz",
        "title": "Stroomstootwapens bij de politie: wat betekent dit voor de ggz?",
        "kind": "artikel",
        "audience": "members",
        "themes": ["Zorg en dwang", "Kwaliteit en veiligheid"],
        "sectors": ["ggz"],
        "summary": "De politie gebruikt stroomstootwapens, ook bij mensen in psychische nood. "
        "Waar kan een cliëntenraad in de ggz op letten en wat kunt u vragen?",
        "body": """## Wat speelt er?
Agenten dragen steeds vaker een stroomstootwapen. Soms wordt het gebruikt bij mensen met
verward gedrag, ook op het terrein van een ggz-instelling. Dat roept vragen op.

## Vragen voor de bestuurder
- Welke afspraken heeft de instelling met de politie?
- Hoe wordt de raad geïnformeerd als een stroomstootwapen is gebruikt?
- Hoe wordt de cliënt daarna opgevangen?
""",
    },
    {
        "slug": "werven-en-behouden-van-leden",
        "title": "Handreiking werven en behouden van cliëntenraadsleden",
        "kind": "handreiking",
        "audience": "members",
        "teaser": True,
        "themes": ["Leden werven en behouden"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Hoe vindt u nieuwe leden voor de cliëntenraad, en hoe zorgt u dat zij blijven? "
        "Praktische stappen, van vacaturetekst tot inwerken.",
        "body": """## Nieuwe leden vinden
Begin bij uw eigen netwerk: familie van cliënten, vrijwilligers, mensen uit de wijk. Maak
een korte, vriendelijke vacaturetekst. Vertel wat het werk oplevert.

## Wervingsacties
- een stukje in het huisblad of de nieuwsbrief
- een informatiemiddag met koffie
- een oproep via sociale media van de zorgaanbieder

## Inwerken en behouden
Geef een nieuw lid een maatje in de raad. Bied de basiscursus aan. Vraag na drie maanden hoe
het gaat.
""",
        "pdf": True,
    },
    {
        "slug": "incontactstaan",
        "title": "InContactStaan: contact met de achterban",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Achterban"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Hoe weet de raad wat cliënten vinden? Manieren om duurzaam contact te houden met "
        "uw achterban, ook met mensen die moeilijk praten.",
        "body": """## Waarom contact?
De raad spreekt namens alle cliënten. Dan moet u weten wat er leeft. Dat vraagt meer dan
een enquête per jaar.

## Manieren
Loop mee op een afdeling, schuif aan bij de maaltijd, organiseer een spreekuur, of werk met
korte vragenlijsten met plaatjes.

## Thuiszorg
In de thuiszorg ziet u cliënten niet op één plek. Vraag wijkteams om folders mee te nemen
en bel af en toe een paar cliënten.
""",
    },
    {
        "slug": "bewaarkaart-incontactstaan",
        "title": "Bewaarkaart InContactStaan",
        "kind": "bewaarkaart",
        "audience": "members",
        "themes": ["Achterban"],
        "sectors": [],
        "summary": "De tien beste tips om contact te houden met de achterban, op één kaart om in de "
        "vergadermap te bewaren.",
        "body": """- Ga op bezoek, niet alleen vergaderen.
- Stel open vragen.
- Vertel terug wat u met de antwoorden doet.
- Gebruik eenvoudige taal.
- Spreek ook familie en mantelzorgers.
""",
    },
]
