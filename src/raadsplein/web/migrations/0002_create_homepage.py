import json

from django.db import migrations

from raadsplein.web import home_content


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("web", "HomePage")

    # Wagtail's own first migration makes a "Welcome" page; ours replaces it.
    Page.objects.filter(depth=2, slug="home").exclude(content_type__app_label="web").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="web")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title=home_content.TITLE,
        draft_title=home_content.TITLE,
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=root.locale_id,
        intro=home_content.INTRO,
        body=json.dumps(home_content.body()),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page_id": homepage.pk,
            "site_name": "Raadsplein",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
