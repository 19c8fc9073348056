"""Raadswerk's models, one module per part of the council's work."""

from .constituency import ConstituencyContact, ContactKind
from .legal import LegalRule, LegalSubject, Right, RuleUnit
from .letters import Letter, LetterKind, LetterTemplate
from .meetings import ActionItem, AgendaItem, Decision, Meeting, MeetingNotice
from .members import Candidate, CandidateState, Onboarding, Vacancy, VacancyState
from .planning import AnnualReport, YearPlan, YearPlanTopic
from .scheme import SchemeComment, SchemeVersion
from .trajectories import (
    AWAITING_COUNCIL,
    OPEN_STATES,
    DeadlineSource,
    Kind,
    Outcome,
    State,
    Trajectory,
    TrajectoryStep,
)
from .workspace import AdvisorAccess, CouncilDocument, DisputeCommittee, SchemeSettings

__all__ = [
    "AWAITING_COUNCIL",
    "OPEN_STATES",
    "ActionItem",
    "AdvisorAccess",
    "AgendaItem",
    "AnnualReport",
    "Candidate",
    "CandidateState",
    "ConstituencyContact",
    "ContactKind",
    "CouncilDocument",
    "DeadlineSource",
    "Decision",
    "DisputeCommittee",
    "Kind",
    "LegalRule",
    "LegalSubject",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "Meeting",
    "MeetingNotice",
    "Onboarding",
    "Outcome",
    "Right",
    "RuleUnit",
    "SchemeComment",
    "SchemeSettings",
    "SchemeVersion",
    "State",
    "Trajectory",
    "TrajectoryStep",
    "Vacancy",
    "VacancyState",
    "YearPlan",
    "YearPlanTopic",
]
