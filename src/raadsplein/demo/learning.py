"""Demo world for the learning environment: six courses, themes, learning paths, demo audio
and some learners' progress. Idempotent; labelled as demo where it could pass for real."""

import shutil
import subprocess  # noqa: S404 - runs espeak-ng with fixed arguments, if installed
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model

from raadsplein.knowledge import services as knowledge_services
from raadsplein.learning import services
from raadsplein.learning.demo_content import COURSES, PATHS, THEMES
from raadsplein.learning.models import (
    Course,
    CoursePrerequisite,
    LearnerProfile,
    LearningPath,
    LearningPathCourse,
    Module,
    QuestionKind,
    Step,
    StepKind,
)
from raadsplein.learning.testing import correct_answers, tone_wav, wrong_answers
from raadsplein.organisations.models import Seat

from . import DEMO_DOMAIN


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


def _questions(raw: list) -> list:
    blocks = []
    for kind, prompt, options, explanation in raw:
        if kind == QuestionKind.ORDERING:
            opts = [{"text": o[0], "correct": False, "match": "", "feedback": ""} for o in options]
        elif kind == QuestionKind.MATCHING:
            opts = [{"text": a, "correct": False, "match": b, "feedback": ""} for a, b in options]
        else:
            opts = [{"text": t, "correct": c, "match": "", "feedback": f} for t, c, f in options]
        blocks.append(
            (
                "question",
                {"kind": kind, "prompt": prompt, "options": opts, "explanation": explanation},
            )
        )
    return blocks


def _build_course(spec: dict, themes: dict, log) -> Course:
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
        for_new_members=spec["new"],
        is_published=True,
    )
    course.themes.set([themes[s] for s in spec["themes"]])
    course.save()
    for m_index, (m_title, m_summary, steps) in enumerate(spec["modules"]):
        module = Module.objects.create(
            course=course, title=m_title, summary=m_summary, sort_order=m_index
        )
        for s_index, step_spec in enumerate(steps):
            kind, title = step_spec[0], step_spec[1]
            step = Step(module=module, title=title, kind=kind, sort_order=s_index)
            if kind == StepKind.TEXT:
                step.body = step_spec[2]
            elif kind == StepKind.AUDIO:
                step.transcript = step_spec[2]
                audio = spoken_wav(step.transcript)
                label = "Demo-audio" if audio else "Demo-audio (toon, geen spraak)"
                step.media_document = _document(
                    f"{label}: {title}",
                    f"{course.slug}-{m_index}-{s_index}.wav",
                    audio or tone_wav(),
                )
                step.body = "<p>Luister naar de podcast of lees de uitgeschreven tekst eronder.</p>"
            elif kind == StepKind.QUIZ:
                step.questions = _questions(step_spec[2])
                step.pass_mark = 60
            elif kind == StepKind.DOWNLOAD:
                step.link_document = _document(
                    step_spec[2], f"{course.slug}-{m_index}-{s_index}.txt", step_spec[3].encode()
                )
                step.body = "<p>Download het document en bewaar het bij uw raadsstukken.</p>"
            elif kind == StepKind.LIVE:
                step.required = False
                step.link_url = "/agenda/"
                step.body = (
                    "<p>Een online bijeenkomst in een kleine groep, onder leiding van een "
                    "adviseur. Deze stap is een keuze.</p>"
                )
            step.full_clean()
            step.save()
    log(f"    cursus: {course.title}")
    return course


@transaction.atomic
def build(*, log) -> None:
    found = knowledge_services.themes_by_name([name for name, _slug in THEMES])
    themes = {slug: theme for (_name, slug), theme in zip(THEMES, found, strict=True)}
    courses = {spec["slug"]: _build_course(spec, themes, log) for spec in COURSES}
    for spec in COURSES:
        for other, strength in spec.get("prereqs", []):
            CoursePrerequisite.objects.get_or_create(
                course=courses[spec["slug"]],
                required_course=courses[other],
                defaults={"strength": strength},
            )
    for role, title, description, slugs in PATHS:
        path, created = LearningPath.objects.get_or_create(
            role=role, defaults={"title": title, "description": description}
        )
        if created:
            for i, slug in enumerate(slugs):
                LearningPathCourse.objects.create(path=path, course=courses[slug], sort_order=i)
    # Progress first: once a live step is linked to a session, only attendance completes it.
    _demo_progress(courses, log)
    _link_other_apps(log)


# Demo steps that point at demo content of the knowledge centre and the agenda (both build
# before us).
PUBLICATION_LINKS = {
    "Overzicht: onderwerpen van advies en instemming": "Basisinformatie Wmcz 2018",
    "Checklist: kennismaken met de achterban": "InContactStaan: contact met de achterban",
    "Vragenlijst bij de begroting": "Wat mag de cliëntenraad zeggen over de begroting?",
}
SESSION_LINKS = {"Kennismakingsbijeenkomst voor nieuwe leden": "Welkom in de cliëntenraad"}


def _link_other_apps(log) -> None:
    from django.apps import apps
    from django.utils import timezone

    try:
        Publication = apps.get_model("knowledge", "PublicationPage")
    except LookupError:
        Publication = None
    if Publication is not None:
        for step_title, page_title in PUBLICATION_LINKS.items():
            page = Publication.objects.live().filter(title=page_title).first()
            if page:
                Step.objects.filter(title=step_title, publication_page__isnull=True).update(
                    publication_page=page
                )
    try:
        Session = apps.get_model("events", "Session")
    except LookupError:
        return
    for step_title, event_title in SESSION_LINKS.items():
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
