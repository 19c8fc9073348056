"""Demo world for the learning environment: six courses (data/courses/*.yaml), themes and
learning paths (data/learning.yaml), demo audio and some learners' progress. Idempotent;
labelled as demo where it could pass for real."""

import shutil
import subprocess  # noqa: S404 - runs espeak-ng with fixed arguments, if installed
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model

from raadsplein.events.models import Session
from raadsplein.knowledge import services as knowledge_services
from raadsplein.knowledge.models import PublicationPage
from raadsplein.learning import services
from raadsplein.learning.models import (
    Course,
    CoursePrerequisite,
    LearnerProfile,
    LearningPath,
    LearningPathCourse,
    Module,
    Step,
    StepKind,
)
from raadsplein.learning.testing import correct_answers, tone_wav, wrong_answers
from raadsplein.organisations.models import Seat

from . import DEMO_DOMAIN, content


def spoken_wav(text: str) -> bytes | None:
    """Dutch speech from espeak-ng, or None when it is not installed or fails."""
    exe = shutil.which("espeak-ng")
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "spraak.wav"
        try:
            subprocess.run(  # noqa: S603 - fixed executable and arguments, no shell
                [exe, "-v", "nl", "-s", "150", "-w", str(target), text[:1500]],
                check=True,
                timeout=20,
                capture_output=True,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        return target.read_bytes() if target.exists() else None


def _document(title: str, filename: str, content: bytes):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    doc = Document(title=title)
    doc.file.save(filename, ContentFile(content), save=False)
    doc.save()
    return doc


def _questions(raw: list[dict]) -> list:
    """Question blocks from the course file's questions (see data/learning.yaml)."""
    blocks = []
    for q in raw:
        options = [
            {
                "text": o["text"],
                "correct": o.get("correct", False),
                "match": o.get("match", ""),
                "feedback": o.get("feedback", ""),
            }
            for o in q["options"]
        ]
        blocks.append(
            (
                "question",
                {
                    "kind": q["kind"],
                    "prompt": q["prompt"],
                    "options": options,
                    "explanation": q.get("explanation", ""),
                },
            )
        )
    return blocks


def _build_course(spec: dict, themes: dict, texts: dict, log) -> Course:
    course = Course.objects.filter(slug=spec["slug"]).first()
    if course:
        return course
    course = Course.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        audience=spec["audience"],
        level=spec["level"],
        estimated_minutes=spec["minutes"],
        roles=spec["roles"],
        for_new_members=spec["for_new_members"],
        is_published=True,
    )
    course.themes.set([themes[s] for s in spec["themes"]])
    course.save()
    shared = texts["step_texts"]
    for m_index, module_spec in enumerate(spec["modules"]):
        module = Module.objects.create(
            course=course,
            title=module_spec["title"],
            summary=module_spec["summary"],
            sort_order=m_index,
        )
        for s_index, step_spec in enumerate(module_spec["steps"]):
            kind, title = step_spec["kind"], step_spec["title"]
            step = Step(module=module, title=title, kind=kind, sort_order=s_index)
            if kind == StepKind.TEXT:
                step.body = step_spec["body"]
            elif kind == StepKind.AUDIO:
                step.transcript = step_spec["transcript"]
                audio = spoken_wav(step.transcript)
                label = texts["audio_title"] if audio else texts["tone_title"]
                step.media_document = _document(
                    label.format(title=title),
                    f"{course.slug}-{m_index}-{s_index}.wav",
                    audio or tone_wav(),
                )
                step.body = shared["audio"]
            elif kind == StepKind.QUIZ:
                step.questions = _questions(step_spec["questions"])
                step.pass_mark = texts["pass_mark"]
            elif kind == StepKind.DOWNLOAD:
                step.link_document = _document(
                    step_spec["document_title"],
                    f"{course.slug}-{m_index}-{s_index}.txt",
                    step_spec["document_text"].encode(),
                )
                step.body = shared["download"]
            elif kind == StepKind.LIVE:
                step.required = False
                step.link_url = shared["live_url"]
                step.body = shared["live"]
            step.full_clean()
            step.save()
    log(f"    cursus: {course.title}")
    return course


def course_specs() -> list[dict]:
    """The demo courses (data/courses/*.yaml), in the order of their file names."""
    return content.load_yaml_folder("courses")


@transaction.atomic
def build(*, log) -> None:
    texts = content.load_yaml("learning.yaml")
    specs = course_specs()
    found = knowledge_services.themes_by_name([t["name"] for t in texts["themes"]])
    themes = {t["slug"]: theme for t, theme in zip(texts["themes"], found, strict=True)}
    courses = {spec["slug"]: _build_course(spec, themes, texts, log) for spec in specs}
    for spec in specs:
        for prerequisite in spec.get("prerequisites", []):
            CoursePrerequisite.objects.get_or_create(
                course=courses[spec["slug"]],
                required_course=courses[prerequisite["course"]],
                defaults={"strength": prerequisite["strength"]},
            )
    for path_spec in texts["paths"]:
        path, created = LearningPath.objects.get_or_create(
            role=path_spec["role"],
            defaults={"title": path_spec["title"], "description": path_spec["description"]},
        )
        if created:
            for i, slug in enumerate(path_spec["courses"]):
                LearningPathCourse.objects.create(path=path, course=courses[slug], sort_order=i)
    # Progress first: once a live step is linked to a session, only attendance completes it.
    _demo_progress(courses, log)
    _link_other_apps(texts)


def _link_other_apps(texts: dict) -> None:
    """Point demo steps at the demo publications and agenda sessions built before them."""
    for step_title, page_title in texts["publication_links"].items():
        page = PublicationPage.objects.live().filter(title=page_title).first()
        if page:
            Step.objects.filter(title=step_title, publication_page__isnull=True).update(
                publication_page=page
            )
    for step_title, event_title in texts["session_links"].items():
        session = (
            Session.objects.filter(event__title=event_title, starts_at__gte=timezone.now())
            .order_by("starts_at")
            .first()
        )
        if session:
            Step.objects.filter(
                title=step_title, kind=StepKind.LIVE, event_session_id__isnull=True
            ).update(event_session_id=session.pk)


def _demo_progress(courses: dict, log) -> None:
    """Progress of deelnemer001…080 so the overviews have something to show."""
    User = get_user_model()
    if LearnerProfile.objects.filter(person__email__endswith=f"@{DEMO_DOMAIN}").exists():
        return
    welkom = courses["welkom-in-de-clientenraad"]
    basis = courses["basiscursus-medezeggenschap"]
    # deelnemer001…080, plus the deelnemers on the demo chair's councils (for the overview)
    chair_councils = Seat.objects.filter(person__email=f"voorzitter@{DEMO_DOMAIN}").values(
        "council"
    )
    people = list(
        User.objects.filter(
            Q(email__in=[f"deelnemer{n:03d}@{DEMO_DOMAIN}" for n in range(1, 81)])
            | Q(seats__council__in=chair_councils, email__startswith="deelnemer")
        )
        .distinct()
        .order_by("email")
    )
    chair_people = set(
        Seat.objects.filter(council__in=chair_councils).values_list("person_id", flat=True)
    )
    for course_index, course in enumerate((welkom, basis)):
        steps = list(Step.objects.filter(module__course=course).select_related("module__course"))
        for n, person in enumerate(people, start=1):
            if course_index == 1 and n % 3:
                continue
            profile = services.get_or_create_profile(person=person)
            if (n % 2 == 0 or person.pk in chair_people) and not profile.share_progress:
                profile.share_progress = True
                profile.save(update_fields=["share_progress"])
            try:
                services.enrol(person=person, course=course)
            except services.LearningError:
                continue  # not a member, or prerequisites missing
            reached = steps[: max(1, (n * 5) % (len(steps) + 1))]
            if person.pk in chair_people and n % 3:
                reached = steps  # some of the chair's council finish the course
            for step in reached:
                if step.kind == StepKind.QUIZ:
                    if (n // 8) % 2 == 0:  # about half fail their first try
                        services.submit_quiz(
                            person=person,
                            step=step,
                            token=services.quiz_token(person=person, step=step),
                            answers=wrong_answers(step),
                        )
                    services.submit_quiz(
                        person=person,
                        step=step,
                        token=services.quiz_token(person=person, step=step),
                        answers=correct_answers(step),
                    )
                else:
                    services.complete_step(person=person, step=step)
    lid = User.objects.filter(email=f"lid@{DEMO_DOMAIN}").first()
    if lid:
        services.get_or_create_profile(person=lid)
        services.enrol(person=lid, course=welkom)
        first = Step.objects.filter(module__course=welkom).order_by(
            "module__sort_order", "sort_order"
        )[0]
        services.complete_step(person=lid, step=first)
    log("    voortgang van demodeelnemers aangemaakt")
