"""Redaction of personal contact details. Applied by every reader, so no output ever sees them."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# UK telephone numbers: +44 or a leading 0, then 9 or 10 more digits in groups. "101" and "999" never match.
# Spaces only within a line (_S), so a whole page can be redacted at once without joining two lines.
_S = r"[^\S\n]"
PHONE = re.compile(
    rf"(?<![\w£.,])(?:\+44{_S}?\(?0?\)?{_S}?\d{{2,4}}|\(?0\d{{2,4}}\)?)(?:{_S}|-)?\d{{3,4}}(?:{_S}|-)?\d{{3,4}}"
    r"(?![\w,.]\d)"
)
# Every number PHONE matches holds nine characters in a row from this, the first an ASCII digit (the "0" or the
# "44" it starts with): a quick scan for them spares the full pattern, slow to try at every position, on most
# pages. (A range is quicker to try than ``\d``, which asks Unicode of every character.)
_PHONE_HINT = re.compile(r"[0-9][\d()\s-]{8}")
# Mailboxes of an office rather than a person are kept: readers need them to write to the office.
ROLE_MAILBOXES = {
    "info",
    "enquiries",
    "enquiry",
    "contact",
    "opcc",
    "pcc",
    "press",
    "media",
    "foi",
    "communications",
    "comms",
    "office",
    "admin",
    "help",
    "support",
    "webmaster",
    "complaints",
    "feedback",
    "noreply",
    "no-reply",
}

EMAIL_MARK = "[email redacted]"
PHONE_MARK = "[phone redacted]"


def _email(match: re.Match) -> str:
    local = match.group(0).split("@", 1)[0].lower()
    return match.group(0) if local in ROLE_MAILBOXES else EMAIL_MARK


def may_hold_contact(text: str) -> bool:
    """Whether ``redact`` could change anything in ``text`` (an "@" or nine phone-like characters in a row):
    one quick scan that lets a reader skip the texts that hold neither."""
    return "@" in text or _PHONE_HINT.search(text) is not None


def redact(text: str) -> str:
    """Replace personal e-mail addresses and telephone numbers with a visible mark."""
    if "@" in text:
        text = EMAIL.sub(_email, text)
    return PHONE.sub(PHONE_MARK, text) if _PHONE_HINT.search(text) else text
