# ruff: noqa: E501 -- prose content: long Dutch sentences read better unbroken
"""Demo publications, part 2 (jeugd, geld, organisatie, webinars). Written for Raadsplein."""

P = [
    {
        "slug": "eigen-agenda-clientenraad",
        "title": "Eigen agenda van de cliëntenraad",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["De raad organiseren", "Jeugd"],
        "sectors": ["jeugdzorg"],
        "summary": "Wacht niet af tot de bestuurder met onderwerpen komt. Zo maakt de raad een "
        "eigen jaaragenda met thema's die jongeren en ouders belangrijk vinden.",
        "body": "## Zelf kiezen\nKies elk jaar drie onderwerpen waar de raad zelf mee aan de slag gaat. "
        "Vraag jongeren en ouders wat zij het belangrijkst vinden.\n\n## Plannen\nZet de onderwerpen "
        "in een jaarplanning, naast de vaste momenten zoals de begroting.",
    },
    {
        "slug": "extern-netwerk-clientenraad",
        "title": "Het externe netwerk van de cliëntenraad",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Jeugd", "Samenwerken met de bestuurder"],
        "sectors": ["jeugdzorg"],
        "summary": "Welke organisaties buiten de zorgaanbieder zijn belangrijk voor de raad, zoals "
        "de gemeente, andere raden en het zorgkantoor?",
        "body": "## Buiten de deur\nEen raad die contacten heeft met de gemeente en met andere raden weet "
        "meer en bereikt meer.\n\n## Tips\nNodig een wethouder uit, bezoek een regionale "
        "bijeenkomst en wissel ervaringen uit met raden in de buurt.",
    },
    {
        "slug": "stappenplan-nieuwe-afspraken-cr",
        "title": "Stappenplan voor nieuwe afspraken met de CR",
        "kind": "checklist",
        "audience": "members",
        "themes": ["Jeugd", "Medezeggenschap en de wet"],
        "sectors": ["jeugdzorg"],
        "summary": "Een stappenplan voor jeugdzorgaanbieders en raden om de afspraken over "
        "medezeggenschap te vernieuwen na de nieuwe wet.",
        "body": "1. Lees samen de wet.\n2. Bespreek wat er nu goed gaat.\n3. Schrijf nieuwe afspraken.\n"
        "4. Leg ze vast in de medezeggenschapsregeling.\n5. Evalueer na een jaar.",
    },
    {
        "slug": "opzetten-clientenraad-jongeren-ouders",
        "title": "Opzetten cliëntenraad: een stappenplan voor jongeren en ouders",
        "kind": "handreiking",
        "audience": "public",
        "themes": ["Jeugd", "Leden werven en behouden"],
        "sectors": ["jeugdzorg"],
        "summary": "Uw jeugdzorgaanbieder heeft nog geen cliëntenraad, jeugdraad of ouderraad? Zo "
        "begint u er een, stap voor stap.",
        "body": "## Begin klein\nZoek twee of drie jongeren of ouders die mee willen doen. Vraag de "
        "bestuurder om een ruimte en een ondersteuner.\n\n## Een jeugdraad\nJongeren vergaderen "
        "anders dan volwassenen: kort, met eten, op een tijd na school.",
    },
    {
        "slug": "medezeggenschap-passend-organiseren-jeugd",
        "title": "Medezeggenschap passend organiseren: een stappenplan voor jeugdzorgaanbieders",
        "kind": "handreiking",
        "audience": "public",
        "themes": ["Jeugd"],
        "sectors": ["jeugdzorg"],
        "summary": "Voor bestuurders in de jeugdzorg: hoe organiseert u medezeggenschap die past "
        "bij jongeren, ouders en pleegouders?",
        "body": "## Passend\nEen ouderraad, een jeugdraad of een gezamenlijke raad: kies wat past bij "
        "uw cliënten. Jongeren stromen snel uit; zorg voor steeds nieuwe leden.",
    },
    {
        "slug": "invloed-op-gemeenten-jeugd",
        "title": "Invloed op gemeenten: een handreiking voor cliëntenraden in de jeugdzorg",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Jeugd"],
        "sectors": ["jeugdzorg"],
        "summary": "Gemeenten kopen de jeugdzorg in. Hoe brengt de raad de stem van jongeren en "
        "ouders bij de gemeente?",
        "body": "## Zorginkoop door gemeenten\nGemeenten maken afspraken met zorgaanbieders over geld en "
        "kwaliteit. Als raad kunt u de gemeente laten weten wat jongeren nodig hebben.\n\n"
        "## Hoe?\nSpreek in bij de gemeenteraad, schrijf een brief aan de wethouder of sluit aan bij "
        "de adviesraad sociaal domein.",
    },
    {
        "slug": "werken-als-team-in-de-clientenraad",
        "title": "Werken in de cliëntenraad als team",
        "kind": "brochure",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": ["jeugdzorg", "ouderenzorg"],
        "summary": "Een raad werkt beter als leden elkaars sterke kanten kennen. Oefeningen en tips "
        "voor samenwerken, taken verdelen en omgaan met meningsverschillen.",
        "body": "## Ken elkaar\nBegin het jaar met een kennismaking: waarom zit u in de raad, waar bent u "
        "goed in?\n\n## Meningsverschillen\nVerschil van mening is normaal. Spreek af hoe u besluit "
        "als u het niet eens wordt.",
    },
    {
        "slug": "invloed-op-kwaliteitsbeleid-jeugd",
        "title": "Invloed op kwaliteitsbeleid in de jeugdzorg",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Jeugd", "Kwaliteit en veiligheid"],
        "sectors": ["jeugdzorg"],
        "summary": "Hoe praat de raad mee over kwaliteit van de jeugdzorg: over wachttijden, "
        "veiligheid op de groep en de ervaringen van jongeren?",
        "body": "## Kwaliteit door de ogen van jongeren\nVraag jongeren wat goede hulp voor hen is. Gebruik "
        "die antwoorden in uw advies over het kwaliteitsbeleid.",
    },
    {
        "slug": "model-mzr-jeugdzorg",
        "title": "Model medezeggenschapsregeling jeugdzorg",
        "kind": "modelregeling",
        "audience": "members",
        "themes": ["Jeugd", "Medezeggenschap en de wet"],
        "sectors": ["jeugdzorg"],
        "summary": "Een model-MZR voor de jeugdzorg, met aparte afspraken voor jeugdraden en "
        "ouderraden.",
        "body": "## Voor de jeugdzorg\nDit model houdt rekening met jongeren onder de achttien, met ouders "
        "en met pleegouders. Het regelt hoe een jeugdraad en een ouderraad samenwerken.",
    },
    {
        "slug": "animatie-goede-medezeggenschap",
        "title": "Animatie: hoe zet je je in voor goede medezeggenschap?",
        "kind": "video",
        "audience": "public",
        "themes": ["Jeugd"],
        "sectors": ["jeugdzorg"],
        "summary": "Een korte animatie voor jongeren over wat een jeugdraad doet en waarom hun mening telt.",
        "body": "Deze animatie is gemaakt voor jongeren vanaf twaalf jaar.",
        "transcript": "Jij weet het best wat goede hulp is. In een jeugdraad praat je mee over de regels "
        "op de groep, over het eten en over hoe begeleiders met je omgaan. Doe mee!",
    },
    {
        "slug": "huishoudboekje-van-de-instelling",
        "title": "Het huishoudboekje van de instelling",
        "kind": "brochure",
        "audience": "members",
        "teaser": True,
        "themes": ["Geld en begroting"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg"],
        "summary": "Begroting en jaarrekening lezen zonder financiële opleiding: waar komt het geld "
        "vandaan, waar gaat het naartoe en welke vragen stelt u?",
        "body": "## Adviesrecht over geld\nDe raad heeft adviesrecht over de begroting en de jaarrekening. "
        "U hoeft geen boekhouder te zijn om goede vragen te stellen.\n\n## Vragen over de begroting\n"
        "- Hoeveel geld gaat er naar zorg, en hoeveel naar overhead?\n- Wat zijn de grootste "
        "veranderingen ten opzichte van vorig jaar?\n- Wat merken cliënten van bezuinigingen?\n\n"
        "## Expertpool Zorg en Geld\nVrijwilligers met financiële kennis helpen u de cijfers te lezen.",
        "pdf": True,
    },
    {
        "slug": "wat-mag-de-raad-zeggen-over-de-begroting",
        "title": "Wat mag de cliëntenraad zeggen over de begroting?",
        "kind": "artikel",
        "audience": "members",
        "themes": ["Geld en begroting", "Medezeggenschap en de wet"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "Over de begroting heeft de raad adviesrecht. Wat betekent dat, wanneer komt het "
        "stuk op tafel en wat doet de bestuurder met uw advies?",
        "body": "## Adviesrecht\nDe bestuurder vraagt uw advies over de begroting voordat hij een besluit "
        "neemt. Uw advies moet nog invloed kunnen hebben.\n\n## Vertrouwelijk\nSoms is de begroting "
        "vertrouwelijk. Spreek af wat u wel met de achterban mag delen.",
    },
    {
        "slug": "jaarrekening-lezen",
        "title": "Checklist jaarrekening lezen",
        "kind": "checklist",
        "audience": "members",
        "themes": ["Geld en begroting"],
        "sectors": [],
        "summary": "Tien vragen om de jaarrekening samen door te nemen, ook als cijfers niet uw "
        "sterkste kant zijn.",
        "body": "- Is er winst of verlies gemaakt?\n- Hoe groot is de reserve?\n- Zijn de kosten voor "
        "inhuur van personeel gestegen?\n- Wat zegt de accountant?",
    },
    {
        "slug": "zorginkoop-zorgkantoor",
        "title": "Zorginkoop: de rol van het zorgkantoor",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Geld en begroting"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg"],
        "summary": "Het zorgkantoor koopt langdurige zorg in. Hoe werkt dat, en hoe kan de raad "
        "invloed uitoefenen op de afspraken?",
        "body": "## Wlz-zorg\nVoor zorg uit de Wet langdurige zorg maakt het zorgkantoor afspraken met de "
        "zorgaanbieder over prijs en kwaliteit.\n\n## De raad\nVraag de bestuurder welke afspraken er "
        "zijn gemaakt en wat die betekenen voor cliënten.",
    },
    {
        "slug": "wet-zorg-en-dwang",
        "title": "De Wet zorg en dwang voor cliëntenraden",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Zorg en dwang"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg"],
        "summary": "Onvrijwillige zorg, zoals een deur op slot of medicijnen tegen de wil: wat "
        "regelt de Wzd en waar let de cliëntenraad op?",
        "body": "## Nee, tenzij\nOnvrijwillige zorg mag alleen als laatste middel. Het zorgplan beschrijft "
        "wat er gebeurt.\n\n## De raad\nVraag om cijfers over onvrijwillige zorg en over de "
        "klachten. De raad heeft instemmingsrecht op beleid over vrijheidsbeperking.",
    },
    {
        "slug": "klachtenregeling-instemming",
        "title": "Instemmingsrecht op de klachtenregeling",
        "kind": "artikel",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet", "Kwaliteit en veiligheid"],
        "sectors": [],
        "summary": "De raad moet instemmen met de klachtenregeling en het profiel van de "
        "klachtenfunctionaris. Waar let u op?",
        "body": "## Toegankelijk\nEen klacht indienen moet makkelijk zijn, ook voor mensen die niet goed "
        "lezen. Vraag hoe cliënten de klachtenfunctionaris kunnen bereiken.",
    },
    {
        "slug": "geschillen-commissie-van-vertrouwenslieden",
        "title": "Geschillen: de commissie van vertrouwenslieden",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet", "Samenwerken met de bestuurder"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg", "thuiszorg"],
        "summary": "Als de raad en de bestuurder het niet eens worden, kan een commissie van "
        "vertrouwenslieden bemiddelen of een bindende uitspraak doen.",
        "body": "## Eerst praten\nProbeer een geschil eerst samen op te lossen.\n\n## De LCvV\nLukt dat niet, "
        "dan legt u het voor aan de landelijke commissie of de eigen commissie uit de regeling. Die "
        "bemiddelt of doet een bindende uitspraak. Beroep kan alleen bij de Ondernemingskamer.",
    },
    {
        "slug": "vervangende-toestemming",
        "title": "Wat als de bestuurder besluit zonder instemming?",
        "kind": "artikel",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": [],
        "summary": "Een besluit zonder de vereiste instemming van de raad kan nietig zijn. Wat kunt u "
        "doen, en binnen welke termijn?",
        "body": "## Nietig\nNeemt de bestuurder een besluit zonder instemming, dan kan de raad het besluit "
        "schriftelijk nietig verklaren. Doe dat snel; controleer de termijn in de wet.",
    },
    {
        "slug": "samenwerken-met-de-bestuurder",
        "title": "Samenwerken met de bestuurder",
        "kind": "brochure",
        "audience": "public",
        "themes": ["Samenwerken met de bestuurder"],
        "sectors": ["ouderenzorg", "ggz", "gehandicaptenzorg", "thuiszorg"],
        "summary": "Een goede relatie met de bestuurder begint bij elkaar kennen. Tips voor het "
        "overleg, het delen van informatie en het oplossen van spanningen.",
        "body": "## Het overleg\nSpreek vaste momenten af voor overleg, bijvoorbeeld zes keer per jaar. "
        "Stel de agenda samen op.\n\n## Informatie\nDe bestuurder geeft de raad tijdig alle informatie "
        "die nodig is.",
    },
    {
        "slug": "ondernemingsraad-en-clientenraad",
        "title": "De ondernemingsraad en de cliëntenraad: samen sterker",
        "kind": "artikel",
        "audience": "public",
        "themes": ["Samenwerken met de bestuurder"],
        "sectors": [],
        "summary": "Medewerkers en cliënten hebben vaak dezelfde zorgen. Hoe werken de OR en de "
        "cliëntenraad samen zonder elkaars rol over te nemen?",
        "body": "## Gezamenlijk overleg\nPlan een of twee keer per jaar een overleg met de OR over "
        "onderwerpen als personeelstekort en roosters.",
    },
    {
        "slug": "centrale-en-lokale-raden",
        "title": "Centrale en lokale cliëntenraden: wie doet wat?",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg"],
        "summary": "In grote organisaties is er een centrale cliëntenraad en zijn er lokale raden. "
        "Zo verdeelt u de bevoegdheden en houdt u contact.",
        "body": "## Verdeling\nDe CCR gaat over onderwerpen voor de hele organisatie, de lokale raad over "
        "de eigen locatie. Leg de verdeling vast in de MZR.",
    },
    {
        "slug": "thuiszorg-clientenraad",
        "title": "De cliëntenraad in de thuiszorg",
        "kind": "brochure",
        "audience": "members",
        "themes": ["Achterban", "De raad organiseren"],
        "sectors": ["thuiszorg"],
        "summary": "Cliënten in de thuiszorg wonen verspreid. Hoe werkt een raad dan, en hoe hoort "
        "u wat cliënten thuis ervaren?",
        "body": "## Verspreid\nDe raad ziet cliënten niet dagelijks. Werk samen met de wijkverpleging om "
        "cliënten te bereiken.",
    },
    {
        "slug": "ziekenhuis-clientenraad",
        "title": "De cliëntenraad in het ziekenhuis",
        "kind": "artikel",
        "audience": "public",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ziekenhuiszorg"],
        "summary": "Patiënten zijn kort in het ziekenhuis. Hoe vertegenwoordigt de raad hen toch "
        "goed? Over patiëntervaringen en samenwerking met patiëntenverenigingen.",
        "body": "## Korte opnames\nGebruik patiëntervaringen uit enquêtes en klachten. Werk samen met "
        "patiëntenverenigingen.",
    },
    {
        "slug": "mantelzorger-in-de-clientenraad",
        "title": "Positie van de mantelzorger",
        "kind": "handreiking",
        "audience": "members",
        "themes": ["Achterban"],
        "sectors": ["ouderenzorg", "gehandicaptenzorg", "ggz"],
        "summary": "Veel raadsleden zijn familie of mantelzorger. Wat betekent dat voor hun rol, en "
        "hoe houdt de raad oog voor de belangen van naasten?",
        "body": "## Twee petten\nEen mantelzorger in de raad spreekt voor alle cliënten, niet alleen voor "
        "het eigen familielid. Bespreek dat open.",
    },
    {
        "slug": "welkom-in-de-clientenraad",
        "title": "Welkom in de cliëntenraad: startpakket voor nieuwe leden",
        "kind": "brochure",
        "audience": "public",
        "themes": ["Leden werven en behouden", "De raad organiseren"],
        "sectors": ["ouderenzorg", "thuiszorg", "ggz", "gehandicaptenzorg"],
        "summary": "U bent net lid van de cliëntenraad. Wat doet de raad, wat wordt er van u "
        "verwacht en waar vindt u hulp?",
        "body": "## De eerste maanden\nLees de medezeggenschapsregeling en de notulen van het afgelopen jaar. "
        "Vraag een ervaren lid om uitleg.\n\n## Scholing\nVolg de cursus Welkom in de cliëntenraad.",
    },
    {
        "slug": "webinar-begroting-lezen",
        "title": "Webinar: de begroting lezen in een uur",
        "kind": "webinar",
        "audience": "members",
        "themes": ["Geld en begroting"],
        "sectors": [],
        "summary": "Opname van het webinar over de begroting, met een adviseur en een vrijwilliger "
        "van de expertpool Zorg en Geld.",
        "body": "Bekijk de opname of lees de uitgeschreven tekst.",
        "transcript": "Welkom bij dit webinar. Vandaag kijken we naar de begroting. We beginnen bij de "
        "inkomsten: het zorgkantoor, de gemeente en de zorgverzekeraar. Daarna de uitgaven: vooral "
        "personeel. Stel vooral vragen over wat cliënten merken.",
    },
    {
        "slug": "webinar-werven-nieuwe-leden",
        "title": "Webinar: werven van nieuwe leden",
        "kind": "webinar",
        "audience": "members",
        "themes": ["Leden werven en behouden"],
        "sectors": [],
        "summary": "Opname uit de Week van de Medezeggenschap: drie raden vertellen hoe zij nieuwe "
        "leden vonden.",
        "body": "Een opname voor leden.",
        "transcript": "Wij hebben een informatiemiddag gehouden met koffie en taart. Daar kwamen twaalf "
        "mensen op af, en drie zijn lid geworden. Een andere raad zette een oproep in het huisblad.",
    },
    {
        "slug": "webinar-wmcz-rechten",
        "title": "Webinar: rechten van de cliëntenraad onder de Wmcz",
        "kind": "webinar",
        "audience": "members",
        "themes": ["Medezeggenschap en de wet"],
        "sectors": [],
        "summary": "Opname van de verdiepingssessie over advies- en instemmingsrecht, ongevraagd "
        "advies en het bindend voordrachtsrecht.",
        "body": "Een opname voor leden.",
        "transcript": "In dit webinar lopen we de rechten langs. Adviesrecht over onder meer fusie, "
        "begroting en het profiel van bestuurders. Instemmingsrecht over onder meer kwaliteit, "
        "voeding en de klachtenregeling.",
    },
    {
        "slug": "radicale-vernieuwing-verpleeghuiszorg",
        "title": "Radicale vernieuwing in de verpleeghuiszorg",
        "kind": "artikel",
        "audience": "public",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg"],
        "summary": "Een beweging van verpleeghuizen die het leven van bewoners centraal zet. Wat "
        "betekent dat voor de cliëntenraad?",
        "body": "## Het leven voorop\nNiet de regels van de organisatie, maar wat bewoners belangrijk "
        "vinden, bepaalt de dag.",
    },
    {
        "slug": "zicht-op-vernieuwing",
        "title": "Zicht op vernieuwing",
        "kind": "brochure",
        "audience": "public",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": ["ouderenzorg", "ggz"],
        "summary": "De jaarlijkse publicatie van de vernieuwingsbewegingen: ervaringen en inzichten "
        "van actieteams in de zorg.",
        "body": "## Actieteams\nIn de actieteams werken bewoners, medewerkers en familie samen aan "
        "kleine veranderingen met grote gevolgen.",
    },
    {
        "slug": "signalen-doorgeven",
        "title": "Signalen uit de praktijk doorgeven",
        "kind": "artikel",
        "audience": "public",
        "themes": ["Kwaliteit en veiligheid"],
        "sectors": [],
        "summary": "Ziet de raad iets dat niet goed gaat in de zorg? Geef het door. Wij bundelen "
        "signalen en brengen ze naar het ministerie, zorgkantoren en de inspectie.",
        "body": "## Wat gebeurt er met uw signaal?\nWij verzamelen signalen van raden en bespreken het "
        "beeld met VWS, de IGJ en zorgverzekeraars.",
    },
    {
        "slug": "digitaal-vergaderen",
        "title": "Checklist digitaal vergaderen",
        "kind": "checklist",
        "audience": "members",
        "themes": ["De raad organiseren"],
        "sectors": [],
        "summary": "Vergaderen via een beeldscherm: techniek, afspraken en zorgen dat iedereen mee "
        "kan doen.",
        "body": "- Test de verbinding vooraf.\n- Spreek af wie het woord geeft.\n- Zet de stukken vooraf klaar.\n"
        "- Bel leden die niet digitaal kunnen meedoen.",
    },
    {
        "slug": "jaarverslag-clientenraad",
        "title": "Modelbrief en opzet jaarverslag cliëntenraad",
        "kind": "modelbrief",
        "audience": "members",
        "themes": ["De raad organiseren", "Achterban"],
        "sectors": [],
        "summary": "Een opzet voor het jaarverslag van de raad en een begeleidende brief aan de "
        "achterban en de bestuurder.",
        "body": "## Waarom een jaarverslag?\nLaat zien wat de raad heeft gedaan: adviezen, instemmingen, "
        "contact met de achterban.",
    },
    {
        "slug": "modelbrief-informatieverzoek",
        "title": "Modelbrief: verzoek om informatie aan de bestuurder",
        "kind": "modelbrief",
        "audience": "members",
        "themes": ["Samenwerken met de bestuurder"],
        "sectors": [],
        "summary": "Een voorbeeldbrief om de bestuurder om informatie te vragen die de raad nodig "
        "heeft voor zijn werk.",
        "body": "Geachte bestuurder,\n\nDe cliëntenraad vraagt u om de volgende informatie ... "
        "Wij ontvangen de stukken graag binnen twee weken.",
    },
    {
        "slug": "modelbrief-ongevraagd-advies",
        "title": "Modelbrief ongevraagd advies",
        "kind": "modelbrief",
        "audience": "members",
        "themes": ["Samenwerken met de bestuurder", "Medezeggenschap en de wet"],
        "sectors": [],
        "summary": "Zo schrijft u een ongevraagd advies: aanleiding, wat de raad ziet, wat de raad "
        "voorstelt.",
        "body": "## Opbouw\n1. Aanleiding\n2. Wat de raad hoort van cliënten\n3. Advies\n4. Vraag om een "
        "schriftelijke reactie",
    },
]
