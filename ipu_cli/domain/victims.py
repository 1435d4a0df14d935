"""The case box's Victims line, computed from the members' sex, mandate, affiliation and age.

The IPU writes the line from who the victims are, with the count first:

- one MP: "Female opposition member of parliament", "Opposition member of parliament"
  (men carry no sex word), "Young female former opposition member of parliament",
  "Opposition member of parliament-elect", "Majority substitute member of parliament";
- a group: "38 former opposition parliamentarians (34 male and four female)",
  "Seven male opposition parliamentarians" (all of one sex: the sex is an adjective),
  "64 male opposition parliamentarians (including three young parliamentarians and a
  parliamentarian-elect)", "Five parliamentarians (three male and two female); three
  majority and two opposition parliamentarians" (affiliations that differ are split after
  a semicolon, largest first, the noun agreeing with the last count).

A word is printed only when it is true of everyone it describes: "former" when every
member is a former MP, an affiliation when every member shares it. Sub-groups that not
everyone belongs to (young MPs, former MPs among incumbents, substitutes, MPs-elect) go in
the bracket after "including". Values recorded as `unknown` (mandate, affiliation) and the
affiliation `other` are never printed and never guessed: a group with one of them gets no
shared adjective, and the split lists only the affiliations that are known. Numbers under
ten are words; a number word that starts the line is capitalised.

The words come from `labels.VICTIM_WORDS`; this module holds the English word order
(another language adds its own `_line_<lang>`). A case's `victims` field overrides all this.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.labels import VICTIM_WORDS
from ipu_cli.domain.words import NUMBER_WORDS, capitalise, join_list, number_value, number_words

if TYPE_CHECKING:
    from ipu_cli.domain.cases import IndividualCase

PRINTED_AFFILIATIONS = ("opposition", "majority", "independent")
"""Affiliations the line names, in the order ties are broken; `other` and `unknown` are not named."""
SUBGROUPS = ("young", "former", "substitute", "elect")
"""Sub-groups the bracket names after "including", in this order."""


@dataclass
class Profile:
    """Who the victims are, counted: what the line is written from, in any language."""

    total: int
    sexes: Counter[str] = field(default_factory=Counter)
    mandates: Counter[str] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    young: int = 0

    @classmethod
    def of(cls, members: list[IndividualCase] | list[Any]) -> Profile:
        return cls(
            total=len(members),
            sexes=Counter(mp.sex for mp in members),
            mandates=Counter(mp.mandate for mp in members),
            affiliations=Counter(mp.affiliation for mp in members),
            young=sum(1 for mp in members if getattr(mp, "young", False)),
        )

    def shared(self, counter: Counter[str]) -> str | None:
        """The value every victim shares, if they all share one."""
        return next(iter(counter)) if len(counter) == 1 else None

    def subgroups(self) -> dict[str, int]:
        """Sizes of the sub-groups not everyone belongs to (young, former, substitute, elect)."""
        sizes = {"young": self.young, **{m: self.mandates[m] for m in ("former", "substitute", "elect")}}
        return {name: sizes[name] for name in SUBGROUPS if 0 < sizes[name] < self.total}


def victims_line(victims_override: str | None, members: list[Any], lang: str = "en") -> tuple[str, str]:
    """("Victims", "38 former opposition parliamentarians (34 male and four female)") or
    ("Victim", "Female opposition member of parliament"); `victims_override` wins when set.
    """
    words = VICTIM_WORDS.get(lang, VICTIM_WORDS["en"])
    label = words["label_one"] if len(members) == 1 else words["label_many"]
    if victims_override:
        return label, victims_override
    if len(members) == 1:
        return label, _one_en(members[0], words)
    return label, _group_en(Profile.of(members), words)


_NUMBER = r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b"
_COUNTED = r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(male|female|men|women)\b"


def override_disagreements(text: str, members: list[Any]) -> list[str]:
    """Where a `victims` override disagrees with `members` (anything with a `sex`): the number
    it starts with, and each "N male"/"N women" it gives; empty when it agrees.

    `ipu validate` checks the override against the current members; a decision prints the
    override only when it agrees with the members of its day (`victims_for`).
    """
    counts = {"female": sum(m.sex == "female" for m in members)}
    counts["male"] = len(members) - counts["female"]
    counted = re.compile(_COUNTED, re.IGNORECASE)
    found = {m.group(2).lower(): _value(m.group(1)) for m in counted.finditer(text)}
    out = []
    for word, number in found.items():
        sex = "female" if word in ("female", "women") else "male"
        if number != counts[sex]:
            out.append(f"victims text says {number} {word} but the members include {counts[sex]}")
    first = re.compile(_NUMBER, re.IGNORECASE).search(text)
    starts = {m.start() for m in counted.finditer(text)}
    if first and first.start() not in starts and _value(first.group(1)) != len(members):
        out.append(f"victims text says {first.group(1)} but the group has {len(members)} members")
    return out


def victims_for(override: str | None, members: list[Any], published: str | None = None) -> str | None:
    """The override a decision prints for `members` (the members of its day): the line the
    decision recorded as published (`published`), else the case's `victims` when it agrees with
    them; None: compute the line."""
    if published:
        return published
    if override and not override_disagreements(override, members):
        return override
    return None


def _value(token: str) -> int:
    value = number_value(token)
    assert value is not None, token  # the patterns match only figures and NUMBER_WORDS
    return value


def group_noun(members: list[Any], lang: str = "en") -> str:
    """The plural noun with the status every member shares: "former parliamentarians",
    "parliamentarians-elect", "substitute parliamentarians" or "parliamentarians" (letters' subjects).
    """
    words = VICTIM_WORDS.get(lang, VICTIM_WORDS["en"])
    profile = Profile.of(members)
    status = profile.shared(profile.mandates)
    return " ".join(w for w in (_status_word(status, words), _noun(profile.total, status, words)) if w)


def _one_en(mp: Any, words: dict[str, str]) -> str:
    parts = [
        words["young"] if getattr(mp, "young", False) else "",
        words["female"] if mp.sex == "female" else "",
        words["former"] if mp.mandate == "former" else "",
        words.get(mp.affiliation, "") if mp.affiliation in PRINTED_AFFILIATIONS else "",
        words["substitute"] if mp.mandate == "substitute" else "",
        words["member"] + (words["elect"] if mp.mandate == "elect" else ""),
    ]
    return capitalise(" ".join(p for p in parts if p))


def _status_word(status: str | None, words: dict[str, str]) -> str:
    return words[status] if status in ("former", "substitute") else ""


def _noun(count: int, status: str | None, words: dict[str, str]) -> str:
    noun = words["parliamentarian"] if count == 1 else words["parliamentarians"]
    return noun + (words["elect"] if status == "elect" else "")


def _group_en(profile: Profile, words: dict[str, str]) -> str:
    sex = profile.shared(profile.sexes)
    status = profile.shared(profile.mandates)
    affiliation = profile.shared(profile.affiliations)
    head = [
        number_words(profile.total),
        words["young"] if profile.young == profile.total else "",
        words[sex] if sex else "",
        _status_word(status, words),
        words[affiliation] if affiliation in PRINTED_AFFILIATIONS else "",
        _noun(profile.total, status, words),
    ]
    line = capitalise(" ".join(w for w in head if w))

    bracket = []
    if sex is None:
        bracket.append(
            f"{number_words(profile.sexes['male'])} {words['male']} and "
            f"{number_words(profile.sexes['female'])} {words['female']}"
        )
    items = [_subgroup_en(name, size, words) for name, size in profile.subgroups().items()]
    if items:
        bracket.append(f"{words['including']} {join_list(items)}")
    if bracket:
        line += f" ({', '.join(bracket)})"

    if affiliation is None:
        split = sorted(
            (
                (n, PRINTED_AFFILIATIONS.index(a), a)
                for a, n in profile.affiliations.items()
                if a in PRINTED_AFFILIATIONS
            ),
            key=lambda item: (-item[0], item[1]),
        )
        if split:
            parts = [f"{number_words(n)} {words[a]}" for n, _, a in split]
            line += f"; {join_list(parts)} {_noun(split[-1][0], None, words)}"
    return line


def _subgroup_en(name: str, size: int, words: dict[str, str]) -> str:
    """ "two young parliamentarians", "a parliamentarian-elect", "three former parliamentarians"."""
    count = words["a"] if size == 1 else number_words(size)
    if name == "elect":
        return f"{count} {_noun(size, 'elect', words)}"
    return f"{count} {words[name]} {_noun(size, None, words)}"
