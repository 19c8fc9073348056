"""Courses (course → modules → steps), learner profiles, progress, quiz attempts, certificates.

Courses are edited in the Wagtail admin as snippets. Modules and steps are inline rows of a
course (steps carry the course as parent and a module) and keep their primary key when a course
is saved again. Progress and
quiz attempts point at step rows, so publishing a course again never breaks anyone's progress.
Quiz questions live in a StreamField on the step: every question block and every answer option
carries a stable UUID, which is what learners' answers refer to.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from raadsplein.events.models import Audience as EventAudience
from raadsplein.knowledge.models import Audience as PublicationAudience

# One theme taxonomy for the whole site, managed by the redactie in the knowledge centre.
from raadsplein.knowledge.models import PublicationPage, Theme
from raadsplein.organisations.models import SeatRole


def validate_link(value: str) -> None:
    """A full http(s) link, or a path on this site."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class Audience(models.TextChoices):
    MEMBERS = "members", _("Leden")
    PUBLIC = "public", _("Iedereen")


class Level(models.TextChoices):
    START = "start", _("Start")
    BASIS = "basis", _("Basis")
    VERDIEPING = "verdieping", _("Verdieping")


class Experience(models.TextChoices):
    NEW = "new", _("Nieuw in de raad")
    EXPERIENCED = "experienced", _("Ervaren")


class PrerequisiteStrength(models.TextChoices):
    ADVISED = "advised", _("Aangeraden")
    REQUIRED = "required", _("Verplicht")


class StepKind(models.TextChoices):
    TEXT = "text", _("Tekst")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio of podcast")
    QUIZ = "quiz", _("Toets")
    DOWNLOAD = "download", _("Download")
    LIVE = "live", _("Live bijeenkomst")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Eén antwoord goed")
    MULTIPLE = "multiple", _("Meer antwoorden goed")
    TRUE_FALSE = "true_false", _("Waar of niet waar")
    ORDERING = "ordering", _("Zet in de goede volgorde")
    MATCHING = "matching", _("Koppel de paren")


class Course(ClusterableModel):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=100, unique=True)
    summary = models.TextField(_("samenvatting"), max_length=600)
    introduction = RichTextField(_("inleiding"), blank=True)
    audience = models.CharField(
        _("voor wie"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.MEMBERS,
        help_text=_("'Iedereen': ook niet-leden zien de cursus. 'Leden': alleen leden."),
    )
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices)
    estimated_minutes = models.PositiveIntegerField(_("geschatte tijd in minuten"), default=30)
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    care_sectors = ParentalManyToManyField(
        "organisations.CareSector",
        verbose_name=_("zorgsectoren"),
        blank=True,
        help_text=_("Leeg: geschikt voor alle sectoren."),
    )
    roles = models.JSONField(
        _("geschikt voor rollen"),
        default=list,
        blank=True,
        help_text=_("Leeg: geschikt voor iedereen in de raad."),
    )
    for_new_members = models.BooleanField(_("vooral voor nieuwe leden"), default=False)
    is_published = models.BooleanField(
        _("gepubliceerd"),
        default=False,
        help_text=_("Alleen gepubliceerde cursussen zijn te zien voor deelnemers."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("learning:course", args=[self.slug])

    def clean(self) -> None:
        if self.pk and self.audience == Audience.PUBLIC:
            titles = list(
                Step.objects.filter(MEMBERS_ONLY_STEP, module__course_id=self.pk).values_list(
                    "title", flat=True
                )
            )
            if titles:
                raise ValidationError(
                    {
                        "audience": _(
                            "Deze stappen zijn alleen voor leden: %(titles)s. Een cursus voor "
                            "iedereen kan die niet hebben. Pas eerst de stappen aan."
                        )
                        % {"titles": ", ".join(titles)}
                    }
                )

    def role_labels(self) -> list[str]:
        labels = dict(SeatRole.choices)
        return [str(labels.get(r, r)) for r in self.roles or []]


class CoursePrerequisite(Orderable):
    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="prerequisites")
    required_course = models.ForeignKey(
        Course,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("eerst deze cursus"),
    )
    strength = models.CharField(
        _("hoe streng"),
        max_length=10,
        choices=PrerequisiteStrength.choices,
        default=PrerequisiteStrength.ADVISED,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("voorkennis")
        verbose_name_plural = _("voorkennis")

    def clean(self) -> None:
        if self.required_course_id and self.required_course_id == self.course_id:
            raise ValidationError({"required_course": _("Een cursus kan niet op zichzelf volgen.")})
        course = getattr(self, "course", None)  # a new inline row may not have it yet
        if (
            course is not None
            and self.required_course_id
            and self.strength == PrerequisiteStrength.REQUIRED
            and course.audience == Audience.PUBLIC
            and self.required_course.audience == Audience.MEMBERS
        ):
            raise ValidationError(
                {
                    "strength": _(
                        "Deze cursus is voor iedereen. Een cursus alleen voor leden kan daarom "
                        "niet verplicht vooraf gaan; maak hem 'aangeraden'."
                    )
                }
            )


class Module(Orderable):
    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("korte uitleg"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return f"{self.course.title} — {self.title}" if self.course_id else self.title


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("antwoord"), max_length=300)
    correct = blocks.BooleanBlock(
        label=_("goed antwoord"),
        required=False,
        help_text=_(
            "Voor keuzevragen en waar/niet waar. Bij volgorde: zet de antwoorden in de "
            "goede volgorde; dit vinkje telt dan niet."
        ),
    )
    match = blocks.CharBlock(
        label=_("hoort bij (alleen bij koppelen)"), required=False, max_length=300
    )
    feedback = blocks.TextBlock(label=_("uitleg bij dit antwoord"), required=False)


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=QuestionKind.choices, label=_("soort vraag"))
    prompt = blocks.TextBlock(label=_("vraag"))
    options = blocks.ListBlock(OptionBlock(), label=_("antwoorden"), min_num=2)
    explanation = blocks.TextBlock(label=_("uitleg na het antwoord"), required=False)

    class Meta:
        icon = "help"
        label = _("vraag")


# Steps only members can take: a download of a members' publication, a live step on a
# members' event. A course for everyone never depends on one (Step.clean, Course form).
MEMBERS_ONLY_STEP = Q(
    kind="download", publication_page__publicationpage__audience=PublicationAudience.MEMBERS
) | Q(kind="live", event_session__event__audience=EventAudience.MEMBERS)


class Step(Orderable):
    """One step of a course. Its parent is the course (edited inline there, ordered by
    dragging); its module says where learners meet it: in module order, then ``sort_order``,
    which counts through the whole course."""

    course = ParentalKey(
        Course, on_delete=models.CASCADE, related_name="steps", verbose_name=_("cursus")
    )
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="steps", verbose_name=_("module")
    )
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort stap"), max_length=10, choices=StepKind.choices)
    required = models.BooleanField(
        _("verplicht"), default=True, help_text=_("Nodig om de cursus af te ronden.")
    )
    body = RichTextField(_("tekst"), blank=True)
    media_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geluids- of videobestand"),
    )
    media_url = models.URLField(
        _("externe link naar video of audio"),
        blank=True,
        help_text=_("Gebruik een directe link naar een bestand (.mp4, .mp3) of een videopagina."),
    )
    captions_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ondertitels (WebVTT)"),
    )
    transcript = models.TextField(
        _("uitgeschreven tekst"),
        blank=True,
        help_text=_("Verplicht bij audio; bij video verplicht als er geen ondertitels zijn."),
    )
    publication_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publicatie uit de kennisbank"),
    )
    link_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    link_url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("Een volledige link (https://…) of een pagina op deze site (/agenda/…)."),
    )
    event_session = models.ForeignKey(
        "events.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bijeenkomst in de agenda"),
        help_text=_("De bijeenkomst in de agenda. Aanwezigheid rondt deze stap af."),
    )
    questions = StreamField([("question", QuestionBlock())], blank=True, verbose_name=_("vragen"))
    pass_mark = models.PositiveSmallIntegerField(_("geslaagd vanaf (procent goed)"), default=70)
    max_attempts = models.PositiveSmallIntegerField(
        _("aantal pogingen"), default=0, help_text=_("0 betekent: onbeperkt.")
    )

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["module__sort_order", "module_id", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="step_pass_mark_max_100")
        ]

    def __str__(self) -> str:
        return self.title

    def _take_course_from_module(self) -> None:
        # The module decides the course: a step moved to another module moves with it.
        if self.module_id:
            if Step.module.is_cached(self) and self.module.pk == self.module_id:
                self.course_id = self.module.course_id
            else:
                self.course_id = Module.objects.values_list("course_id", flat=True).get(
                    pk=self.module_id
                )

    def full_clean(self, *args, **kwargs):
        self._take_course_from_module()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._take_course_from_module()
        if self.sort_order is None and self.course_id:
            last = (
                Step.objects.filter(course_id=self.course_id)
                .exclude(pk=self.pk)
                .aggregate(m=models.Max("sort_order"))["m"]
            )
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if self.kind == StepKind.VIDEO:
            if not (self.media_document_id or self.media_url):
                errors["media_url"] = _("Kies een videobestand of vul een link in.")
            if not (self.captions_document_id or self.transcript.strip()):
                errors["transcript"] = _(
                    "Een video heeft ondertitels of een uitgeschreven tekst nodig."
                )
        elif self.kind == StepKind.AUDIO:
            if not (self.media_document_id or self.media_url):
                errors["media_url"] = _("Kies een geluidsbestand of vul een link in.")
            if not self.transcript.strip():
                errors["transcript"] = _("Audio heeft altijd een uitgeschreven tekst nodig.")
        elif self.kind == StepKind.QUIZ and not len(self.questions):
            errors["questions"] = _("Een toets heeft minstens één vraag nodig.")
        elif self.kind == StepKind.DOWNLOAD and not (
            self.publication_page_id or self.link_document_id or self.link_url
        ):
            errors["link_url"] = _("Kies een publicatie, een document of vul een link in.")
        elif self.kind == StepKind.LIVE and not (self.event_session_id or self.link_url):
            errors["event_session"] = _("Kies de bijeenkomst of vul een link naar de agenda in.")
        course = self.module.course if self.module_id else None
        if course and course.audience == Audience.PUBLIC and self.members_only():
            field = "publication_page" if self.kind == StepKind.DOWNLOAD else "event_session"
            errors[field] = _(
                "Deze cursus is voor iedereen, maar dit is alleen voor leden. Kies iets dat "
                "iedereen kan openen, of maak de cursus alleen voor leden."
            )
        if errors:
            raise ValidationError(errors)

    def members_only(self) -> bool:
        """Only members can take this step (see MEMBERS_ONLY_STEP), judged on the fields as
        they are now, saved or not."""
        if self.kind == StepKind.DOWNLOAD and self.publication_page_id:
            return PublicationPage.objects.filter(
                pk=self.publication_page_id, audience=PublicationAudience.MEMBERS
            ).exists()
        if self.kind == StepKind.LIVE and self.event_session_id:
            return self.event_session.event.audience == EventAudience.MEMBERS
        return False

    @property
    def is_media(self) -> bool:
        return self.kind in (StepKind.VIDEO, StepKind.AUDIO)

    def question_list(self) -> list[dict]:
        """The quiz as plain data: [{id, kind, prompt, explanation, options: [{id, …}]}]."""
        result = []
        for child in self.questions:
            value = child.value
            options = [
                {
                    "id": item.id,
                    "text": item.value["text"],
                    "correct": bool(item.value["correct"]),
                    "match": item.value["match"] or "",
                    "feedback": item.value["feedback"] or "",
                }
                for item in value["options"].bound_blocks
            ]
            result.append(
                {
                    "id": child.id,
                    "kind": value["kind"],
                    "prompt": value["prompt"],
                    "explanation": value["explanation"] or "",
                    "options": options,
                }
            )
        return result


class LearningPathRole(models.TextChoices):
    NEW_MEMBER = "new_member", _("Nieuw raadslid")
    LID = "lid", _("Raadslid")
    VOORZITTER = "voorzitter", _("Voorzitter")
    SECRETARIS = "secretaris", _("Secretaris")
    ONDERSTEUNER = "ondersteuner", _("Ondersteuner of ambtelijk secretaris")


class LearningPath(ClusterableModel):
    title = models.CharField(_("titel"), max_length=200)
    role = models.CharField(
        _("voor wie"), max_length=20, choices=LearningPathRole.choices, unique=True
    )
    description = models.TextField(_("uitleg"), blank=True)

    class Meta:
        verbose_name = _("leerroute")
        verbose_name_plural = _("leerroutes")
        ordering = ["role"]

    def __str__(self) -> str:
        return self.title


class LearningPathCourse(Orderable):
    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="items")
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="+", verbose_name=_("cursus")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("cursus in de leerroute")
        verbose_name_plural = _("cursussen in de leerroute")


class LearnerProfile(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    council_role = models.CharField(
        _("rol in de raad"), max_length=30, choices=SeatRole.choices, blank=True
    )
    care_sector = models.ForeignKey(
        "organisations.CareSector",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("zorgsector"),
    )
    experience = models.CharField(
        _("ervaring"), max_length=12, choices=Experience.choices, default=Experience.NEW
    )
    interests = models.ManyToManyField(Theme, blank=True, verbose_name=_("interesses"))
    share_progress = models.BooleanField(
        _("voortgang delen met voorzitter en secretaris"),
        default=False,
        help_text=_(
            "Dan zien de voorzitter en de secretaris van uw raad welke cursussen u heeft "
            "afgerond. Verder niets."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("leerprofiel")
        verbose_name_plural = _("leerprofielen")

    def __str__(self) -> str:
        return str(self.person)


class Enrolment(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="one_enrolment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.course}"


class StepProgress(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="step_progress"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afgeronde stap")
        verbose_name_plural = _("afgeronde stappen")
        constraints = [
            models.UniqueConstraint(fields=["person", "step"], name="one_progress_per_step")
        ]
        indexes = [models.Index(fields=["person", "course"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.step}"


class QuizAttempt(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="attempts")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toetspoging")
        verbose_name_plural = _("toetspogingen")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["step", "person"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.step} ({self.score}%)"


class Certificate(models.Model):
    """Issued once per person and course. Holds a copy of name and title for verification."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        Course, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    code = models.CharField(_("controlecode"), max_length=20, unique=True)
    holder_name = models.CharField(_("naam"), max_length=300)
    course_title = models.CharField(_("cursus"), max_length=200)
    issued_on = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_on"]
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="one_certificate_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.course_title} — {self.holder_name}"
