"""Numbers, ordinals, lists and "of X" as English (and French) prose writes them.

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


def number_words(number: int, lang: str = "en", feminine: bool = False) -> str:
    """Numbers under ten in words ("four"), larger ones in figures ("34").

    French: "une" for one of a feminine noun ("une femme"); figures of 1,000 and more grouped
    as CLDR writes them ("1 234", through Babel).
    """
    if 0 <= number < 10:
        if lang == "fr" and number == 1 and feminine:
            return "une"
        return WORDS.get(lang, WORDS["en"])[number]
    if lang != "en" and abs(number) >= 1000:
        from babel.numbers import format_decimal

        return format_decimal(number, locale=lang)
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


def cases_phrase(ids: Iterable[str], lang: str = "en", to: bool = False) -> str:
    """ "case KHM-60" or "cases KHM-56 and KHM-57" (fr: "le cas", "les cas"); `to`: after
    "applies to" (fr: "au cas", "aux cas"). The words are `labels.FOOTNOTES`."""
    from ipu_cli.domain.labels import FOOTNOTES

    ids = list(ids)
    key = ("to_" if to else "") + ("case" if len(ids) == 1 else "cases")
    return FOOTNOTES.get(lang, FOOTNOTES["en"])[key].format(ids=join_list(ids, lang))


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


def plural_noun(word: str, lang: str = "en") -> str:
    """A noun made plural by the regular rules: Letter -> Letters, Reply -> Replies,
    Fax -> Faxes (French: Lettre -> Lettres, Courriel -> Courriels, Fax -> Fax, Journal ->
    Journaux, Réseau -> Réseaux). Used where several entries of one kind are grouped
    ("Letters from ...", "Lettres du ...")."""
    lowered = word.lower()
    if lang == "fr":
        upper = word.isupper() and len(word) > 1
        if lowered.endswith(("s", "x", "z")):
            return word
        if lowered.endswith("al") and lowered not in _FRENCH_AL_S:
            return word[:-2] + ("AUX" if upper else "aux")
        if lowered.endswith(("eau", "au", "eu")) and lowered not in ("pneu", "bleu"):
            return word + ("X" if upper else "x")
        return word + ("S" if upper else "s")
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + ("IES" if word.isupper() else "ies")
    return word + ("S" if word.isupper() and len(word) > 1 else "s")


_FRENCH_AL_S = ("bal", "carnaval", "festival", "récital", "régal", "chacal", "cal")
_ELIDES = "aeiouyàâäéèêëîïôöùûüœæh"


def of_phrase(prose: str, lang: str = "en") -> str:
    """ "of Cambodia", "of the Philippines"; French contracts the article: "du Cambodge",
    "des Philippines", "de la République démocratique du Congo", "de l'Afghanistan",
    "de Madagascar", "d'Haïti", "d'Israël".

    `prose` is the name as running text writes it, with its article when it takes one
    (data/countries.yaml `prose_fr`; a parliament's French name carries its article too).
    """
    if lang != "fr":
        return f"of {prose}"
    for article, contracted in (
        ("le ", "du "),
        ("les ", "des "),
        ("la ", "de la "),
        ("l'", "de l'"),
        ("l’", "de l’"),
    ):
        if prose.startswith(article):
            return contracted + prose[len(article) :]
    return ("d'" if prose[:1].lower() in _ELIDES else "de ") + prose


def one_line(text: Any) -> str:
    """`text` (None as empty) on one line: its words with single spaces between them."""
    return " ".join(str(text or "").split())


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
