"""Characters that make text read differently from what it holds, and how messages name them.

A right-to-left override reverses what follows it on screen; a zero-width
space splits an id that looks whole; an escape sequence repaints the terminal.
Case and data files, and the names of the files under `cases/`, must not hold
them: the loader and the lister refuse them, naming each code point. Tabs and
line breaks are ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

# Characters that make text read differently from what it holds: controls (not tab, line
# feed, carriage return), bidirectional overrides and isolates, zero-width and other
# invisible format characters (Unicode category Cf), line and paragraph separators,
# Hangul fillers, the combining grapheme joiner and variation selectors.
_BMP = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef"
)


@cache
def _pattern(ranges: str) -> re.Pattern[str]:
    """A character class, compiled on first use: `ipu show` on an ASCII file never pays for it."""
    return re.compile(f"[{ranges}]")


_ASCII_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_JOINERS = "\u200c\u200d"


def may_hide(text: str) -> bool:
    """Whether `text` holds a hidden character, answered fast (every file read asks).

    One regular expression over the whole class costs a fifth of parsing a file,
    its ranges beyond U+FFFF most of it. ASCII text can only hold controls (a
    byte deletion finds them); other text is searched in the Basic Multilingual
    Plane, and beyond it only when it has characters there.
    """
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_CONTROLS)) != len(raw)
    if _pattern(_BMP).search(text):
        return True
    wide = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
    return wide and _pattern(_ASTRAL).search(text) is not None


_C0_NAMES = [
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
]


def char_name(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: a code point as messages name it."""
    import unicodedata

    point = ord(char)
    if point < 0x20:
        name = _C0_NAMES[point]
    elif point == 0x7F:
        name = "DELETE"
    elif 0x80 <= point <= 0x9F:
        name = "C1 CONTROL"
    else:
        name = unicodedata.name(char, "") or "UNNAMED CHARACTER"
    return f"U+{point:04X} {name}"


def _joins_script(text: str, index: int) -> bool:
    """A zero-width (non-)joiner between two letters of a script that needs it (Persian, Indic...)."""
    import unicodedata

    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return all(ord(c) > 0x2FF and unicodedata.category(c)[0] in "LM" for c in (before, after))


def hidden_in(text: str) -> Iterator[int]:
    """The index of every hidden character of `text`, but a joiner a script needs or a leading byte-order mark."""
    for match in _pattern(_BMP + _ASTRAL).finditer(text):
        index = match.start()
        char = text[index]
        if (char in _JOINERS and _joins_script(text, index)) or (index == 0 and char == "\ufeff"):
            continue
        yield index


def shown(name: str) -> str:
    """A file name as messages print it: every character that is not printable as `\\uXXXX`."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
