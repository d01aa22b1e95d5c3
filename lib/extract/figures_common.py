"""What the figure extractors share: number and period patterns, the row they give, and a document's blocks folded
once for the rules' gates (``lib.scan.Gate``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..scan import Gate
from ..vocab import MONTH

EW = "england and wales"  # the panel and table rules look only at the blocks that print it (EW_GATE)
EW_GATE = Gate(re.compile(EW))

N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SIGNED = rf"[-+−–]?{N}"
PERIOD = re.compile(
    rf"(?:the )?(12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}}(?: against (?:the )?12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}})?"
    rf"|(?:as at|on) \d{{1,2}} {MONTH} \d{{4}}|year ending (?:\d{{1,2}} )?{MONTH} \d{{4}}"
    rf"|between {MONTH} \d{{4}} and {MONTH} \d{{4}})",
    re.I,
)
PCT = r"(?:percent|per cent|%)"
DIGIT = re.compile(r"\d")


def num(text: str) -> float:
    text = text.replace(",", "").replace("−", "-").replace("–", "-").rstrip("%").strip()
    return float(text)


def slug(text: str) -> str:
    text = re.sub(r"\([^)]*\)", lambda m: " " + m.group(0)[1:-1] + " ", text.lower())
    text = re.sub(r"[*†‡]|\d+$", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:60]


_PERIOD_RANK = (r"^12 months", r"^year ending", r"^between", r"^(?:as at|on)")


def _norm_period(found: str) -> str:
    found = re.sub(r"^the ", "", found, flags=re.I)
    found = re.sub(r"^on ", "as at ", found, flags=re.I)
    return found[0].lower() + found[1:] if re.match(r"(?:as at|between|year ending)", found, re.I) else found


@lru_cache(maxsize=8192)
def periods_in(text: str) -> list[str]:
    """The periods a text names (every one has a year: a text without a digit names none). The same sentence
    is asked about for itself and for the figures of the two after it, so it is worked out once."""
    if not text or not DIGIT.search(text):
        return []
    return [_norm_period(m.group(1)) for m in PERIOD.finditer(text)]


def period_of(*texts: str) -> str:
    """The period a figure is for: '12 months to ...' before 'year ending', 'between', 'as at' dates."""
    for text in texts:
        found = periods_in(text)
        for rank in _PERIOD_RANK:
            for p in found:
                if re.match(rank, p, re.I):
                    return p
    return ""


def figure(indicator, label, period, unit, value, ew, page, evidence):
    return {
        "indicator": indicator,
        "label": label,
        "period": period,
        "unit": unit,
        "value": value,
        "england_wales": ew,
        "page": page,
        "evidence": evidence,
    }
