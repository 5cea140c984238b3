"""Check: the oversight questions the letters are written to answer, over the registry.

- ``coverage``: which toetsingskader points a letter covers, covers by
  reference (and whether the letter referred to covers them), or skips;
  a summary per point, mission and year.
- ``task``: the Red Card check, is a task inside the nationaal kader in force?
- ``diff``: what changed between a letter and the one before it.
- ``monitoring``: visits, findings, recommendations, follow-up and
  evaluations, with the later letters proposed as reporting on them.
- ``instruments``: motions and debates cited, with the letters citing them.

Every result is a dataclass with ``to_json()``; the CLI and the web layer only
render them.
"""

from __future__ import annotations

from .common import Citation
from .coverage import (
    CoverageSummary, LetterCoverage, PointCoverage, ReferredLetter, coverage_of_extraction, coverage_summary,
    letter_coverage,
)
from .diff import Change, DeploymentChange, LetterDiff, diff_letters
from ..gazetteer import Gazetteer, PlaceInfo, gazetteer
from .instruments import DebateView, MotionView, debates, motions
from .monitoring import EvaluationView, Monitoring, Proposal, VisitView, confirm_link, monitoring
from .task import PointAnswer, TaskCheck, check_task

__all__ = [
    "Citation",
    "CoverageSummary", "LetterCoverage", "PointCoverage", "ReferredLetter",
    "coverage_of_extraction", "coverage_summary", "letter_coverage",
    "Change", "DeploymentChange", "LetterDiff", "diff_letters",
    "Gazetteer", "PlaceInfo", "gazetteer",
    "DebateView", "MotionView", "debates", "motions",
    "EvaluationView", "Monitoring", "Proposal", "VisitView", "confirm_link", "monitoring",
    "PointAnswer", "TaskCheck", "check_task",
]
