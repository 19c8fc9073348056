import json
import uuid

from django.db import migrations

INTRO = (
    "<p>Raadsplein is de plek voor cliëntenraden in de zorg. Hier vindt u kennis, cursussen, "
    "bijeenkomsten en hulp bij uw vragen. Zodat uw raad goed kan meepraten over de zorg.</p>"
)

SERVICES = [
    ("Kennisbank", "Handreikingen, checklists, modelbrieven en uitleg over de Wmcz 2018.", True),
    ("Leeromgeving", "Leer wanneer het u uitkomt: korte lessen met tekst, video, podcasts en vragen.", True),
    ("Cursussen en bijeenkomsten", "Cursussen, regionale bijeenkomsten en de Week van de Medezeggenschap.", True),
    ("Vraagbaak", "Een vraag over medezeggenschap? Onze adviseurs helpen u op werkdagen van 9.00 tot 17.00 uur.", False),
    ("Signalen", "Vertel wat uw raad ziet in de zorg. Wij brengen het naar ministerie, zorgkantoren en inspectie.", True),
    ("Lid worden", "Ongeveer 1000 cliëntenraden zijn lid. Lees wat het lidmaatschap uw raad oplevert.", False),
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("web", "HomePage")

    # Wagtail's own first migration makes a "Welcome" page; ours replaces it.
    Page.objects.filter(depth=2, slug="home").exclude(
        content_type__app_label="web"
    ).delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="web")
    body = [{"type": "heading", "value": "Wat vindt u op Raadsplein?", "id": str(uuid.uuid4())}]
    body.append(
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
        }
    )
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Welkom op Raadsplein",
        draft_title="Welkom op Raadsplein",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=root.locale_id,
        intro=INTRO,
        body=json.dumps(body),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.pk,
                  "site_name": "Raadsplein"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
