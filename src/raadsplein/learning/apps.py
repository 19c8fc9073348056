from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "raadsplein.learning"
    label = "learning"
    verbose_name = _("Leeromgeving")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data, roles
        from raadsplein.events import hooks as events_hooks
        from raadsplein.web import files, navigation

        from . import recommendations, services, staff_panels
        from .models import Course, Step
        from .rules import can_see_course, can_take_step

        navigation.register(
            key="learning",
            label=_("Leren"),
            url_name="learning:catalogue",
            order=30,
            visible=navigation.for_everyone,
        )
        navigation.register_panel(
            key="learning",
            template="learning/panels/learning.html",
            order=30,
            context=recommendations.panel_context,
            visible=navigation.for_members,
        )
        navigation.register_staff_panel(
            key="learning",
            template="learning/panels/staff_completion.html",
            order=30,
            context=staff_panels.completion,
        )
        navigation.register_staff_link(
            key="learning",
            label=_("Cijfers van de cursussen"),
            url_name="learning:statistics",
            order=30,
        )
        personal_data.register(
            key="learning",
            label=_("Leeromgeving: profiel, voortgang en certificaten"),
            export=services.export_learning_data,
            erase=services.erase_learning_data,
        )
        content = ["course", "step", "learningpath"]
        roles.grant(
            roles.REDACTEUR,
            *(f"learning.{a}_{m}" for m in content for a in ("add", "change", "delete", "view")),
        )
        roles.grant(roles.ADVISEUR, *(f"learning.view_{m}" for m in content))
        roles.grant(
            roles.BEHEERDER,
            *(f"learning.{a}_{m}" for m in content for a in ("add", "change", "delete", "view")),
        )
        # Files in a course's introduction: as the course page. Files of a step (audio,
        # captions, downloads, rich text): as the step, which needs a signed-in participant.
        files.register(
            Course,
            live=lambda course: course.is_published,
            may_view=can_see_course,
            open_to_members=True,
        )
        files.register(
            Step,
            live=lambda step: step.module.course.is_published,
            may_view=can_take_step,
            open_to_members=True,
            select_related=("module__course",),
        )
        # Attendance marked in the agenda completes the live steps that point at the session.
        # The arrow goes one way: learning listens to events, events never imports learning.
        events_hooks.register_attendance_listener(services.complete_steps_for_attendance)
