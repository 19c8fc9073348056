"""What background work did (effects) and which workers are alive (heartbeats)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TaskEffect(models.Model):
    """Proof that one effect of background work happened (a mail sent, an offer expired).

    The key names the effect, e.g. ``booking:12:confirmed``; it is unique, so a task that runs
    twice (a retry, a reclaimed task, two workers) finds the record and does nothing.
    """

    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    done_at = models.DateTimeField(_("uitgevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("uitgevoerde taak")
        verbose_name_plural = _("uitgevoerde taken")

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A running worker process writes ``seen_at`` every few seconds. A task that is
    RUNNING for a worker not seen within the lease is taken back by the reaper."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("computer"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("proces"), null=True)
    started_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    seen_at = models.DateTimeField(_("laatst gezien"), default=timezone.now)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
