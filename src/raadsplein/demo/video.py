"""The demo world's recording: a short video with Dutch captions (data/video/, made once by
make-demo-video.sh), attached to one video publication in the kennisbank and, as an optional
step, to one members' course. So the player, the captions track and the file guard are walked
in the demo. Runs after knowledge and learning; idempotent."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from wagtail.documents import get_document_model

from raadsplein.knowledge.models import PublicationPage
from raadsplein.knowledge.signals import indexing_paused
from raadsplein.learning.models import Module, Step, StepKind

from . import content

FOLDER = content.DATA_DIR / "video"


def _document(title: str, filename: str):
    """The demo document with this title, made from ``data/video/<filename>`` if missing."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile((FOLDER / filename).read_bytes()), save=False)
    document.save()
    return document


def _publication(texts: dict, log) -> None:
    spec = texts["publication"]
    page = PublicationPage.objects.filter(slug=spec["slug"]).first()
    if page is None or page.media_document_id:
        return
    page.media_document = _document(spec["document_title"], texts["file"])
    page.captions_document = _document(spec["captions_title"], texts["captions"])
    page.full_clean()
    with indexing_paused():  # the recording's files are not part of the search text
        page.save_revision().publish()
    log(f"    video bij publicatie: {page.title}")


def _step(texts: dict, log) -> None:
    spec = texts["step"]
    module = (
        Module.objects.filter(course__slug=spec["course"])
        .order_by("sort_order", "pk")[spec["module"] : spec["module"] + 1]
        .first()
    )
    if module is None or module.steps.filter(kind=StepKind.VIDEO, title=spec["title"]).exists():
        return
    last = module.steps.aggregate(last=Max("sort_order"))["last"]
    step = Step(
        module=module,
        title=spec["title"],
        kind=StepKind.VIDEO,
        required=False,  # an extra: the demo learners' progress stays as it was
        sort_order=(last or 0) + 1,
        body=spec["body"],
        transcript=spec["transcript"],
        media_document=_document(spec["document_title"], texts["file"]),
        captions_document=_document(spec["captions_title"], texts["captions"]),
    )
    step.full_clean()
    step.save()
    log(f"    videostap in cursus: {module.course.title}")


@transaction.atomic
def build(*, log) -> None:
    texts = content.load_yaml("video/video.yaml")
    _publication(texts, log)
    _step(texts, log)
