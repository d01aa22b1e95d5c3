"""Words broken across two lines with a hyphen ("investi-" / "gation"), put back together where the document
itself shows which form is right: a PDF's lines, and a text export's before its blocks are made."""

from __future__ import annotations

import re

from ..vocab import HYPHEN_PREFIXES

_HYPHENS = ("-", "\x02", "\xad")
_HYPHEN_END = re.compile(r"(?<![\w-])([A-Za-z][a-z]*)[-\x02\xad]$")
_SOFT_INLINE = re.compile(r"([A-Za-z]+)\x02([A-Za-z]+)")
_WORD_START = re.compile(r"^([A-Za-z]+)(.*)$", re.S)
_STUCK = re.compile(r"[^\s\w]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")  # a word of the document: [a-z][a-z-]*, over lower case


def join_hyphens(pages: list[list[str]]) -> list[list[str]]:
    """A word broken across two lines with a hyphen ("investi-" / "gation") is put back on the first line.

    The hyphen goes only where the document itself has the joined word elsewhere and not the hyphenated
    form. It stays for capitalised second parts ("Dyfed-" / "Powys"), known prefixes ("anti-" / "social"),
    forms found hyphenated elsewhere, and whenever in doubt. Numbers are never joined.
    """
    busy = [_has_breaks(lines) for lines in pages]
    if not any(busy):
        return pages
    document: list[str] = []  # the document's text in lower case, joined the first time a break needs it
    source = pages

    def decide(first: str, second: str, soft: bool) -> bool:
        """Keep the hyphen?"""
        if second[0].isupper():
            return True
        if not document:
            document.append("\n".join("\n".join(lines) for lines in source).lower())
        text = document[0]
        plain, hyphened = (first + second).lower(), f"{first}-{second}".lower()
        has_hyphened = _has_word(text, hyphened)
        if not has_hyphened and _has_word(text, plain):
            return False
        if has_hyphened or first.lower() in HYPHEN_PREFIXES:
            return True
        if not soft and not _has_word(text, first.lower(), 2) and not _has_word(text, second.lower(), 2):
            return False  # "comp-" / "lete": neither half is a word anywhere else, so a word broken at the margin
        return not soft

    def inline(m: re.Match) -> str:  # pdfium's own join: "anti\x02social"
        return m.group(1) + ("-" if decide(m.group(1), m.group(2), False) else "") + m.group(2)

    out = []
    for lines, breaks in zip(pages, busy):
        if not breaks:  # nothing to join on this page
            out.append(lines)
            continue
        lines = [re.sub("\x02(?!$)", "-", _SOFT_INLINE.sub(inline, line)) if "\x02" in line else line for line in lines]
        for i in range(len(lines) - 1):
            m = _HYPHEN_END.search(lines[i]) if lines[i].endswith(_HYPHENS) else None
            if not m:
                continue
            j = i + 1
            while j < len(lines) and not lines[j].strip() and j - i <= 1:
                j += 1
            if j >= len(lines):
                continue
            nxt = _WORD_START.match(lines[j].lstrip())
            if not nxt:
                continue
            first, second, rest = m.group(1), nxt.group(1), nxt.group(2)
            keep = decide(first, second, lines[i][-1] in "\x02\xad")
            stuck = _STUCK.match(rest).group(0)  # the word's own punctuation goes with it ("lity;")
            lines[i] = lines[i][: m.start()] + first + ("-" if keep else "") + second + stuck
            lines[j] = rest[len(stuck) :].lstrip()
        out.append([line.replace("\x02", "-") for line in lines])
    return out


def _has_breaks(lines: list[str]) -> bool:
    """Whether a page has a line ending in a hyphen or a soft hyphen, or pdfium's soft-hyphen mark anywhere."""
    return any(line.endswith(_HYPHENS) or "\x02" in line for line in lines)


def _has_word(text: str, word: str, times: int = 1) -> bool:
    """Whether ``word`` (lower case, a letter first) is one of the words ``re.findall("[a-z][a-z-]*", text)``
    gives (at least ``times`` times), without finding them all: an occurrence counts when no word character
    follows it and only hyphens, or nothing, of the same run stand before it (a letter there would start the
    word earlier)."""
    i, found = text.find(word), 0
    while i >= 0:
        j = i
        while j > 0 and text[j - 1] == "-":
            j -= 1
        after = i + len(word)
        if (j == 0 or text[j - 1] not in _WORD_CHARS) and (after == len(text) or text[after] not in _WORD_CHARS):
            found += 1
            if found >= times:
                return True
        i = text.find(word, i + 1)
    return False
