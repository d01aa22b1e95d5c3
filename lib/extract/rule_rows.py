"""What the grade and findings rules return, typed: a ``Grade`` per grade a rule read, a ``Finding`` per
finding. They carry what the extractors weigh (the kind of place a grade was printed in, whether it was
starred, how many places agree; whether a finding's area is a heading it stands under) beside the public
columns; ``row()`` gives the public row of the tables, in the contract's order, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocab import grade_score


@dataclass
class Grade:
    """One grade as one rule read it. ``source`` is the kind of place it was printed in (table, graphic,
    heading, summary, panel, sentence: ``judgments.RANK``); ``force`` is another force a sentence names (a
    release about several), None for the document's own."""

    area: str
    area_label: str
    grade: str
    page: int
    evidence: str
    last_inspected: str | None = None
    source: str = "table"
    pillar: str | None = None
    force: str | None = None
    starred: bool = False  # "Good*": a grade carried over, its year in a footnote
    agree: int = 1  # the places that print this grade (counted when one area's rows are merged)

    def row(self, scale: str | None) -> dict:
        """The public row of ``judgments.csv`` on the report's ``scale``."""
        out = {
            "area": self.area,
            "area_label": self.area_label,
            "grade": self.grade,
            "last_inspected": self.last_inspected,
            "page": self.page,
            "evidence": self.evidence,
            "pillar": self.pillar,
        }
        if self.force is not None:
            out["force"] = self.force
        out.update(grade_score=grade_score(self.grade, scale), scale=scale)
        return out


@dataclass
class Finding:
    """One finding as one rule read it; ``enclosed``: its area is a heading it stands under (which outranks
    an area found nearby when the report prints the finding twice)."""

    area: str | None
    enclosed: bool
    kind: str
    text: str
    page: int
    evidence: str

    def row(self) -> dict:
        """The public row of ``findings.csv``."""
        return {"area": self.area, "kind": self.kind, "text": self.text, "page": self.page, "evidence": self.evidence}
