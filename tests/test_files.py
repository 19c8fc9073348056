"""The file guard (raadsplein.web.files): documents and images are private unless a live object
that the visitor may see uses them. Unit tests of the rule, then a walk over every file of the
demo world as every kind of visitor, compared with what the content says each may see."""

import io
import json
import re
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.rich_text import expand_db_html

from raadsplein.accounts.models import User
from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.knowledge.models import PublicationFile, PublicationPage
from raadsplein.knowledge.tests.factories import publication
from raadsplein.learning.models import Audience, Course, Step, StepKind
from raadsplein.learning.tests.factories import CourseFactory, ModuleFactory, audio_step
from raadsplein.newsletter.magazine_models import MagazineIssuePage
from raadsplein.newsletter.news_models import NewsPage
from raadsplein.newsletter.podcast_models import PodcastEpisodePage, PodcastIndexPage
from raadsplein.organisations.rules import is_member
from raadsplein.organisations.tests.factories import IndividualMembershipFactory, member
from raadsplein.web import files

Document = get_document_model()
Image = get_image_model()
Rendition = Image.get_rendition_model()

LOGIN = reverse("account_login")
MEMBERS_PAGE = "Deze pagina is alleen voor leden"

# --- helpers ------------------------------------------------------------------------------


def make_document(title: str, content: bytes = b"Inhoud van het bestand") -> Document:
    doc = Document(title=title)
    doc.file.save(re.sub(r"\W+", "-", title.lower()) + ".txt", ContentFile(content), save=False)
    doc.save()
    return doc


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 20), colour).save(out, "PNG")
    return out.getvalue()


def make_image(title: str, colour=(200, 40, 40)) -> Image:
    name = re.sub(r"\W+", "-", title.lower()) + ".png"
    image = Image(title=title, file=ImageFile(io.BytesIO(_png(colour)), name=name))
    image.save()
    return image


def embed(image) -> str:
    return f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{image.title}"/>'


def doc_link(doc) -> str:
    return f'<a linktype="document" id="{doc.pk}">{doc.title}</a>'


def image_urls(html: str) -> list[str]:
    """The <img> sources a page shows for this stored rich text (renditions made on the way)."""
    return re.findall(r'<img[^>]+src="([^"]+)"', expand_db_html(html))


def read(fieldfile) -> bytes:
    with fieldfile.open("rb") as handle:
        return handle.read()


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _individual_member():
    return IndividualMembershipFactory().person


ROLES = {
    "anonymous": lambda: None,
    "nonmember": lambda: UserFactory(),
    "member": lambda: member(),
    "individual_member": _individual_member,
    "adviseur": lambda: adviseur(),
    "redacteur": lambda: redacteur(),
    "beheerder": lambda: beheerder(),
}
STAFF = {"adviseur", "redacteur", "beheerder"}
MEMBERS = {"member", "individual_member"} | STAFF


def as_role(client, role):
    user = ROLES[role]()
    if user is not None:
        client.force_login(user)
    return client


def assert_served(response, content: bytes, *, public: bool):
    assert response.status_code == 200
    assert body(response) == content
    if public:
        assert response["Cache-Control"] == f"public, max-age={files.PUBLIC_MAX_AGE}"
    else:
        assert response["Cache-Control"] == "private, no-store"


def assert_refused(response, role, *, members_only: bool, secret: bytes):
    """Not served: sign-in for anonymous, the members-only page, or 404."""
    assert secret not in body(response)
    assert "private" in response["Cache-Control"]
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN + "?next=")
    elif members_only:
        assert response.status_code == 403
        assert MEMBERS_PAGE in response.content.decode()
    else:
        assert response.status_code == 404


# --- the rule, with factories ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_document_used_by_nothing_is_for_staff_only(client, role):
    doc = make_document("Losse notitie", b"alleen voor de staf")
    response = as_role(client, role).get(doc.url)
    if role in STAFF:
        assert_served(response, b"alleen voor de staf", public=False)
    else:
        assert_refused(response, role, members_only=False, secret=b"alleen voor de staf")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_file_of_a_public_publication_is_public(client, role):
    page = publication(audience="public", files={"folder.txt": b"openbare folder"})
    doc = page.files.get().document
    response = as_role(client, role).get(doc.url)
    assert_served(response, b"openbare folder", public=True)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_file_of_a_members_publication_is_for_members(client, role):
    page = publication(audience="members", files={"leden.txt": b"ledenbrief"})
    doc = page.files.get().document
    response = as_role(client, role).get(doc.url)
    if role in MEMBERS:
        assert_served(response, b"ledenbrief", public=False)
    else:
        assert_refused(response, role, members_only=True, secret=b"ledenbrief")


@pytest.mark.django_db
def test_file_used_by_public_and_members_publications_is_public(client):
    page = publication(audience="members", files={"beide.txt": b"voor iedereen"})
    doc = page.files.get().document
    public_page = publication(audience="public")
    PublicationFile.objects.create(page=public_page, document=doc)
    assert_served(client.get(doc.url), b"voor iedereen", public=True)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "redacteur"])
def test_file_of_a_withdrawn_publication_is_for_staff_only(client, role):
    page = publication(audience="public", files={"oud.txt": b"ingetrokken"})
    doc = page.files.get().document
    page.unpublish()
    response = as_role(client, role).get(doc.url)
    if role in STAFF:
        assert_served(response, b"ingetrokken", public=False)
    else:
        assert_refused(response, role, members_only=False, secret=b"ingetrokken")


@pytest.mark.django_db
def test_a_file_added_in_a_draft_counts_once_published(client):
    page = PublicationPage.objects.get(pk=publication(audience="public").pk)
    doc = make_document("Concept bijlage", b"nog in concept")
    page.files.add(PublicationFile(document=doc))
    revision = page.save_revision()
    assert not PublicationFile.objects.filter(document=doc).exists()
    assert_refused(client.get(doc.url), "anonymous", members_only=False, secret=b"nog in")
    revision.publish()
    assert_served(client.get(doc.url), b"nog in concept", public=True)


@pytest.mark.django_db
@pytest.mark.parametrize("audience", [Audience.MEMBERS, Audience.PUBLIC])
@pytest.mark.parametrize("role", ROLES)
def test_step_audio_follows_who_may_follow_the_course(client, role, audience):
    doc = make_document("Podcast aflevering", b"RIFF-audio")
    audio_step(ModuleFactory(course=CourseFactory(audience=audience)), document=doc)
    response = as_role(client, role).get(doc.url)
    # A step needs a signed-in participant, also in a public course.
    may = role in MEMBERS or (audience == Audience.PUBLIC and role != "anonymous")
    if may:
        assert_served(response, b"RIFF-audio", public=False)
    else:
        assert_refused(response, role, members_only=True, secret=b"RIFF-audio")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "nonmember", "member", "adviseur"])
def test_files_of_a_draft_course_are_for_staff_only(client, role):
    doc = make_document("Concept podcast", b"nog niet klaar")
    audio_step(ModuleFactory(course=CourseFactory(is_published=False)), document=doc)
    response = as_role(client, role).get(doc.url)
    if role in STAFF:
        assert_served(response, b"nog niet klaar", public=False)
    else:
        assert_refused(response, role, members_only=False, secret=b"nog niet klaar")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "nonmember", "member"])
def test_document_linked_in_rich_text_is_a_use(client, role):
    doc = make_document("Bijlage bij de tekst", b"gelinkt in de tekst")
    module = ModuleFactory(course=CourseFactory(audience=Audience.MEMBERS))
    Step.objects.create(
        module=module, title="Lees dit", kind=StepKind.TEXT, body=f"<p>Zie {doc_link(doc)}.</p>"
    )
    response = as_role(client, role).get(doc.url)
    if role == "member":
        assert_served(response, b"gelinkt in de tekst", public=False)
    else:
        assert_refused(response, role, members_only=True, secret=b"gelinkt in de tekst")


@pytest.mark.django_db
def test_a_removed_use_no_longer_serves_the_file(client):
    doc = make_document("Vervangen audio", b"oude opname")
    step = audio_step(ModuleFactory(course=CourseFactory(audience=Audience.PUBLIC)), document=doc)
    client.force_login(member())
    assert client.get(doc.url).status_code == 200
    step.media_document = None
    step.media_url = "https://example.org/nieuw.mp3"
    step.save()
    assert client.get(doc.url).status_code == 404


@pytest.mark.django_db
def test_name_must_match_the_document(client):
    page = publication(audience="public", files={"echt.txt": b"x"})
    doc = page.files.get().document
    assert client.get(f"/documenten/{doc.pk}/anders.txt").status_code == 404
    assert client.get(f"/documenten/{doc.pk + 999}/{doc.filename}").status_code == 404


@pytest.mark.django_db
def test_index_is_current_on_commit_without_a_worker(
    client, settings, django_capture_on_commit_callbacks
):
    """With a queue that never runs (no worker), the guard still sees a new use at commit."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    doc = make_document("Nieuwe download", b"net toegevoegd")
    module = ModuleFactory(course=CourseFactory(audience=Audience.PUBLIC))
    with django_capture_on_commit_callbacks(execute=True):
        step = Step.objects.create(
            module=module, title="Download", kind=StepKind.DOWNLOAD, link_document=doc
        )
    # A step is an inline child of its course: Wagtail indexes its uses under the course.
    assert (
        ReferenceIndex.get_references_to(doc)
        .filter(object_id=str(module.course_id), content_path__startswith=f"steps.{step.pk}.")
        .exists()
    )
    client.force_login(UserFactory())
    assert_served(client.get(doc.url), b"net toegevoegd", public=False)
    with django_capture_on_commit_callbacks(execute=True):
        Step.objects.filter(pk=step.pk).get().delete()
    assert client.get(doc.url).status_code == 404


def _verdict_queries(person_pk: int, doc) -> int:
    person = User.objects.get(pk=person_pk)  # fresh: no membership read from a cache
    with CaptureQueriesContext(connection) as queries:
        assert files.verdict_for(person, doc).allowed
    return len(queries)


@pytest.mark.django_db
def test_verdict_reads_the_same_queries_for_one_use_or_four():
    person_pk = member().pk
    one = publication(audience="members", files={"een.txt": b"1"}).files.get().document
    four = publication(audience="members", files={"vier.txt": b"4"}).files.get().document
    for _ in range(3):
        publication(audience="members").files.create(document=four)
    _verdict_queries(person_pk, one)  # warm the content-type cache
    assert _verdict_queries(person_pk, one) == _verdict_queries(person_pk, four) <= 6


# --- images: originals and renditions ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_image_in_a_members_course_is_for_members(client, role):
    image = make_image("Ledenfoto")
    course = CourseFactory(audience=Audience.MEMBERS, introduction=f"<p>Kijk</p>{embed(image)}")
    [rendition_url] = image_urls(course.introduction)
    assert rendition_url.startswith("/media/images/")
    as_role(client, role)
    for url, content in [
        (rendition_url, read(Rendition.objects.get(image=image).file)),
        (image.file.url, read(image.file)),
    ]:
        response = client.get(url)
        if role in MEMBERS:
            assert_served(response, content, public=False)
            assert response["X-Content-Type-Options"] == "nosniff"
        else:
            assert_refused(response, role, members_only=True, secret=content)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "nonmember", "member"])
def test_image_on_a_public_course_page_is_public(client, role):
    image = make_image("Openbare foto", colour=(10, 120, 40))
    course = CourseFactory(audience=Audience.PUBLIC, introduction=embed(image))
    [url] = image_urls(course.introduction)
    response = as_role(client, role).get(url)
    assert_served(response, read(Rendition.objects.get(image=image).file), public=True)
    # and the page itself shows that rendition
    assert url in client.get(course.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "redacteur"])
def test_image_used_by_nothing_is_for_staff_only(client, role):
    image = make_image("Net geüpload")
    [url] = image_urls(embed(image))  # a rendition exists, but no content shows it
    response = as_role(client, role).get(url)
    content = read(Rendition.objects.get(image=image).file)
    if role in STAFF:
        assert_served(response, content, public=False)
    else:
        assert_refused(response, role, members_only=False, secret=content)


@pytest.mark.django_db
def test_media_serves_only_stored_image_names(client):
    page = publication(audience="public", files={"los.txt": b"geheim via media"})
    doc = page.files.get().document
    assert client.get("/media/" + doc.file.name).status_code == 404
    assert client.get("/media/images/../" + doc.file.name).status_code == 404
    assert client.get("/media/images/bestaat-niet.png").status_code == 404
    assert client.get("/media/original_images/bestaat-niet.png").status_code == 404


# --- every model that can hold files says how it is seen ----------------------------------------


def _can_hold_files(model) -> bool:
    targets = (Document, Image)
    for field in model._meta.get_fields():
        if field.concrete and getattr(field, "related_model", None) in targets:
            return True
        if isinstance(field, RichTextField | StreamField):
            return True
        if field.one_to_many and getattr(field, "related_model", None) is not None:
            child = field.related_model
            if any(
                getattr(f, "related_model", None) in targets or isinstance(f, RichTextField)
                for f in child._meta.get_fields()
                if f.concrete
            ) and ReferenceIndex.model_is_indexable(child, allow_child_models=True):
                return True
    return False


def test_every_model_that_can_hold_files_is_registered():
    candidates = {
        m
        for m in ReferenceIndex.indexed_models
        if m._meta.app_label not in {"wagtailcore", "wagtaildocs", "wagtailimages"}
        and _can_hold_files(m)
    }
    assert {m._meta.label for m in candidates} >= {
        "knowledge.PublicationPage",
        "learning.Course",
    }
    assert Step in files.registered_models()  # its uses are indexed under its course
    missing = {m._meta.label for m in candidates - files.registered_models()}
    assert not missing, f"register these with raadsplein.web.files: {sorted(missing)}"


# --- the walk: every file of the demo world × every kind of visitor ---------------------------

VISITORS = {
    "anonymous": None,
    "nonmember": "nietlid",
    "member_council": "lid",
    "individual_member": "persoonlijklid",
    "chair": "voorzitter",
    "supporter": "ondersteuner",
    "adviseur": "adviseur",
    "redacteur": "redacteur",
    "beheerder": "beheerder",
}
WALK_STAFF = {"adviseur", "redacteur", "beheerder"}
WALK_MEMBERS = {"member_council", "individual_member", "chair", "supporter"} | WALK_STAFF


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo world, built once for this module inside a transaction that is rolled back.
    Images are added to its courses, as an editor would: the demo itself has none."""
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, RAADSPLEIN_DEMO_MODE=True),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", verbosity=0)
            members_course = Course.objects.filter(audience=Audience.MEMBERS).first()
            public_course = Course.objects.filter(audience=Audience.PUBLIC).first()
            members_course.introduction += embed(make_image("Demo: groepsfoto leden"))
            members_course.save()
            public_course.introduction += embed(make_image("Demo: open dag", (20, 90, 200)))
            public_course.save()
            step = Step.objects.filter(module__course=public_course).first()
            step.body += embed(make_image("Demo: schema in een stap", (90, 90, 90)))
            step.save()
            # uploaded, seen only as a thumbnail in the admin
            make_image("Demo: nog niet gebruikt", (0, 0, 0)).get_rendition("max-165x165")
            for html in Course.objects.values_list("introduction", flat=True):
                image_urls(html)  # the renditions the course pages show
            for html in Step.objects.values_list("body", flat=True):
                image_urls(html)
            yield {"media": media}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_world, settings):
    settings.MEDIA_ROOT = demo_world["media"]
    return demo_world


def _visitor_clients():
    clients = {}
    for kind, local in VISITORS.items():
        c = Client()
        if local:
            c.force_login(User.objects.get(email=f"{local}@demo.raadsplein.nl"))
        clients[kind] = c
    return clients


def _expected(kind: str, uses: dict[str, bool]) -> int:
    """What the content says: public uses serve everyone, step uses need a signed-in
    participant, members' uses need a member; staff get everything."""
    if kind in WALK_STAFF or uses["public"]:
        return 200
    if kind == "anonymous":
        return 302
    if uses["signed_in"] or (kind in WALK_MEMBERS and uses["members"]):
        return 200
    return 403 if uses["members"] else 404


def _document_uses(doc) -> dict[str, bool]:
    pubs = set(
        PublicationFile.objects.filter(document=doc, page__live=True).values_list(
            "page__audience", flat=True
        )
    ) | set(
        PublicationPage.objects.live()
        .filter(Q(media_document=doc) | Q(captions_document=doc))
        .values_list("audience", flat=True)
    )
    steps = set(
        Step.objects.filter(
            Q(media_document=doc) | Q(captions_document=doc) | Q(link_document=doc),
            module__course__is_published=True,
        ).values_list("module__course__audience", flat=True)
    )
    # The podcast's audio is for everyone, the magazine's PDFs for members (newsletter app).
    episodes = PodcastEpisodePage.objects.live().filter(audio=doc).exists()
    issues = MagazineIssuePage.objects.live().filter(pdf=doc).exists()
    return {
        "public": "public" in pubs or episodes,
        "signed_in": "public" in steps,
        "members": "members" in pubs or "members" in steps or issues,
    }


def _image_uses(image) -> dict[str, bool]:
    pattern = f'embedtype="image" id="{image.pk}"'
    courses = set(
        Course.objects.filter(is_published=True, introduction__contains=pattern).values_list(
            "audience", flat=True
        )
    )
    steps = set(
        Step.objects.filter(module__course__is_published=True, body__contains=pattern)
        .values_list("module__course__audience", flat=True)
        .distinct()
    )
    covers = PodcastIndexPage.objects.live().filter(cover_image=image).exists()
    magazine = MagazineIssuePage.objects.live().filter(cover_image=image).exists()
    news = set(NewsPage.objects.live().filter(image=image).values_list("audience", flat=True))
    return {
        "public": "public" in courses or covers or "public" in news,
        "signed_in": "public" in steps,
        "members": "members" in courses or "members" in steps or magazine or "members" in news,
    }


def _walk(clients, items, uses_of, *, url_of, content_of) -> tuple[list[str], int, float]:
    mismatches, requests, started = [], 0, time.perf_counter()
    for item in items:
        uses = uses_of(item)
        content = content_of(item)
        for kind, c in clients.items():
            response = c.get(url_of(item))
            requests += 1
            want = _expected(kind, uses)
            got = response.status_code
            ok = got == want
            if ok and want == 200:
                ok = body(response) == content and (
                    ("public" in response["Cache-Control"]) == uses["public"]
                )
            elif ok:
                ok = content not in body(response) and "private" in response["Cache-Control"]
                if want == 302:
                    ok = ok and response["Location"].startswith(LOGIN)
                if want == 403:
                    ok = ok and MEMBERS_PAGE in response.content.decode()
            if not ok:
                mismatches.append(f"{item} as {kind}: got {got}, expected {want} ({uses})")
    return mismatches, requests, time.perf_counter() - started


@pytest.mark.django_db
def test_demo_visitors_are_who_they_say(demo):
    for kind, local in VISITORS.items():
        if local:
            user = User.objects.get(email=f"{local}@demo.raadsplein.nl")
            assert bool(is_member(user)) == (kind in WALK_MEMBERS), kind
    assert not is_member(AnonymousUser())


@pytest.mark.django_db
def test_demo_documents_walk(demo, capsys):
    documents = list(Document.objects.order_by("pk"))
    assert len(documents) >= 10
    # The expectation reads foreign keys; rich-text links would be uses it does not count.
    linked = Q(body__contains='linktype="document"')
    assert not Step.objects.filter(linked).exists()
    assert not Course.objects.filter(introduction__contains='linktype="document"').exists()
    for page in PublicationPage.objects.all():
        assert 'linktype=\\"document' not in json.dumps(list(page.body.raw_data)), page
    mismatches, requests, seconds = _walk(
        _visitor_clients(),
        documents,
        _document_uses,
        url_of=lambda d: d.url,
        content_of=lambda d: read(d.file),
    )
    with capsys.disabled():
        print(
            f"\nfile walk: {len(documents)} documents × {len(VISITORS)} visitors = {requests} "
            f"requests, {1000 * seconds / requests:.1f} ms each"
        )
    assert not mismatches, "\n".join(mismatches[:30])
    kinds = {tuple(_document_uses(d).values()) for d in documents}
    assert len(kinds) >= 3, kinds  # public, members' and step files are all in the walk


@pytest.mark.django_db
def test_demo_images_walk(demo, capsys):
    items = []
    for image in Image.objects.order_by("pk"):
        items.append(("original", image, image.file.name))
        for rendition in Rendition.objects.filter(image=image).order_by("pk"):
            items.append(("rendition", image, rendition.file.name))
    assert len(items) >= 8
    mismatches, requests, seconds = _walk(
        _visitor_clients(),
        items,
        lambda item: _image_uses(item[1]),
        url_of=lambda item: "/media/" + item[2],
        content_of=lambda item: (demo["media"] / item[2]).read_bytes(),
    )
    with capsys.disabled():
        print(
            f"\nimage walk: {len(items)} originals and renditions × {len(VISITORS)} visitors = "
            f"{requests} requests, {1000 * seconds / requests:.1f} ms each"
        )
    assert not mismatches, "\n".join(mismatches[:30])


@pytest.mark.django_db
def test_demo_members_course_audio_is_not_served_to_anonymous(demo, client):
    step = (
        Step.objects.filter(
            kind=StepKind.AUDIO,
            media_document__isnull=False,
            module__course__audience=Audience.MEMBERS,
            module__course__is_published=True,
        )
        .select_related("media_document")
        .first()
    )
    doc = step.media_document
    audio = read(doc.file)
    assert doc.url == f"/documenten/{doc.pk}/{doc.filename}"
    response = client.get(doc.url)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={doc.url}"
    assert audio[:64] not in body(response)
    client.force_login(User.objects.get(email="nietlid@demo.raadsplein.nl"))
    response = client.get(doc.url)
    assert response.status_code == 403 and MEMBERS_PAGE in response.content.decode()
    client.force_login(User.objects.get(email="lid@demo.raadsplein.nl"))
    assert_served(client.get(doc.url), audio, public=False)
