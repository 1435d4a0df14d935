"""Numbers, ordinals and lists as English (and French) prose writes them.

The house style of decisions and letters, the labels of `ipu show`, the
messages of the checks and the parsing of a victims override all read
numbers the same way through this module: "four", "179th", "X, Y and Z".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
}
_MORE_WORDS = {"ten": 10, "eleven": 11, "twelve": 12}
_AND = {"en": "and", "fr": "et"}
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def ordinal(number: int, lang: str = "en") -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th, 179th (fr: 1re, 2e, 179e).

    French uses the feminine "1re" because the noun is always "session".
    """
    if lang == "fr":
        return "1re" if number == 1 else f"{number}e"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def number_words(number: int, lang: str = "en") -> str:
    """Numbers under ten in words ("four"), larger ones in figures ("34")."""
    if 0 <= number < 10:
        return WORDS.get(lang, WORDS["en"])[number]
    return str(number)


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("four female" -> "Four female")."""
    return text[:1].upper() + text[1:]


def join_list(items: Iterable[Any], lang: str = "en", conjunction: str | None = None) -> str:
    """ "X", "X and Y", "X, Y and Z" (no serial comma, as the IPU writes it)."""
    words = [str(item) for item in items]
    last = conjunction or _AND.get(lang, "and")
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`singular` for one, else `plural_form` (default: singular + "s")."""
    return singular if count == 1 else (plural_form or singular + "s")


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 mission", "2 missions", "0 letters": a count and its noun, for messages and views."""
    return f"{count} {plural(count, singular, plural_form)}"


def cases_phrase(ids: Iterable[str], lang: str = "en") -> str:
    """ "case KHM-60" or "cases KHM-56 and KHM-57" (fr: "le cas", "les cas")."""
    ids = list(ids)
    if lang == "fr":
        return f"{'le cas' if len(ids) == 1 else 'les cas'} {join_list(ids, lang)}"
    return f"{plural(len(ids), 'case')} {join_list(ids, lang)}"


def superscript(number: int) -> str:
    """Footnote markers: 1 -> "¹", 12 -> "¹²"."""
    return str(number).translate(_SUPERSCRIPTS)


def fold(text: str) -> str:
    """Lower case without accents, as searches compare names: 'Tuğluk' -> 'tugluk'."""
    if text.isascii():
        return text.lower()
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plural_noun(word: str) -> str:
    """An English noun made plural by the regular rules: Letter -> Letters, Reply -> Replies,
    Fax -> Faxes. Used where several entries of one kind are grouped ("Letters from ...")."""
    lowered = word.lower()
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + ("IES" if word.isupper() else "ies")
    return word + ("S" if word.isupper() and len(word) > 1 else "s")


def with_period(text: str) -> str:
    """Add a full stop unless the text already ends with one (or ! ?)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def number_value(token: str) -> int | None:
    """The number a figure or an English number word stands for: "34" -> 34, "Four" -> 4."""
    if token.isdigit():
        return int(token)
    lowered = token.lower()
    if lowered in WORDS["en"]:
        return WORDS["en"].index(lowered)
    return _MORE_WORDS.get(lowered)


NUMBER_WORDS = (*WORDS["en"], *_MORE_WORDS)
"""English number words a victims text may use, for patterns that read them."""
