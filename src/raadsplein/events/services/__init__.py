"""Every write about events, one module per concern:

- ``booking``: book a place (for yourself or, as a council's officer, for its members),
  cancel it, take an offered seat; staff add a participant by hand or move one up;
- ``waiting``: the waiting list — offer freed seats, let offers lapse, the periodic sweep;
- ``reminders``: the background half of a booking change and the reminders, each once;
- ``evaluations``: attendance, the request to evaluate, the score;
- ``participant_mail``: messages from staff to a session's participants;
- ``feeds``: the personal calendar address;
- ``personal_data``: export and erasure.

Other apps, the tasks and the demo builder use the names below as
``raadsplein.events.services.<name>``.
"""

from .booking import (
    accept_offer,
    add_participant,
    book_seat,
    book_seat_for,
    cancel_booking,
    move_up,
)
from .common import BookingError, link_lead, offer_hold, reminder_lead
from .evaluations import evaluate_session, mark_attendance, send_evaluation_request_once
from .feeds import calendar_feed_for, reset_calendar_feed
from .participant_mail import email_participants, send_participant_message
from .personal_data import erase_event_data, export_event_data
from .reminders import handle_booking_change, send_due_reminders, send_reminder_once
from .waiting import expire_offer, process_waitlist

__all__ = [
    "BookingError",
    "accept_offer",
    "add_participant",
    "book_seat",
    "book_seat_for",
    "calendar_feed_for",
    "cancel_booking",
    "email_participants",
    "erase_event_data",
    "evaluate_session",
    "expire_offer",
    "export_event_data",
    "handle_booking_change",
    "link_lead",
    "mark_attendance",
    "move_up",
    "offer_hold",
    "process_waitlist",
    "reminder_lead",
    "reset_calendar_feed",
    "send_due_reminders",
    "send_evaluation_request_once",
    "send_participant_message",
    "send_reminder_once",
]
