"""The case box's Victims line, computed from the members' sex, mandate, affiliation and age.

The IPU writes the line from who the victims are, with the count first:

- one MP: "Female opposition member of parliament", "Opposition member of parliament"
  (men carry no sex word), "Young female former opposition member of parliament",
  "Opposition member of parliament-elect", "Majority substitute member of parliament";
- a group: "38 former opposition parliamentarians (34 male and four female)",
  "Seven male opposition members of parliament" (all of one sex: the sex is an adjective;
  a group whose members all sit is "members of parliament", any other "parliamentarians"),
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

French (`_one_fr`, `_group_fr`) is written from the same facts in its own grammar: the gender
is in the noun and the adjectives, not in a sex word ("un député de l'opposition", "une
ancienne députée de l'opposition", "un député suppléant de la majorité"); a group gives its
men and women in the bracket ("38 anciens parlementaires de l'opposition (34 hommes et quatre
femmes)", "(tous des hommes, dont trois jeunes parlementaires...)"), its adjectives agree in
the feminine only when everyone they describe is a woman, and the affiliations that differ
follow the semicolon ("trois parlementaires de la majorité et deux de l'opposition"). The line
starts in lower case, as the IPU's French box prints it after "Victime :".

The words come from `labels.VICTIM_WORDS`; this module holds each language's word order.
A case's `victims` field overrides all this.
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
    women_in: Counter[str] = field(default_factory=Counter)
    """How many women each sub-group (young, a mandate, an affiliation) holds: French agreement."""

    @classmethod
    def of(cls, members: list[IndividualCase] | list[Any]) -> Profile:
        women: Counter[str] = Counter()
        for mp in members:
            if mp.sex == "female":
                women.update(
                    {mp.mandate, mp.affiliation, *(["young"] if getattr(mp, "young", False) else [])}
                )
        return cls(
            total=len(members),
            sexes=Counter(mp.sex for mp in members),
            mandates=Counter(mp.mandate for mp in members),
            affiliations=Counter(mp.affiliation for mp in members),
            young=sum(1 for mp in members if getattr(mp, "young", False)),
            women_in=women,
        )

    def size(self, name: str) -> int:
        """How many victims are in a sub-group: young, a mandate or an affiliation."""
        return self.young if name == "young" else self.mandates[name] or self.affiliations[name]

    def split(self) -> list[tuple[int, str]]:
        """The printed affiliations and their sizes, largest first (ties in `PRINTED_AFFILIATIONS` order)."""
        known = [(n, a) for a, n in self.affiliations.items() if a in PRINTED_AFFILIATIONS]
        return sorted(known, key=lambda item: (-item[0], PRINTED_AFFILIATIONS.index(item[1])))

    def all_women(self, name: str | None = None) -> bool:
        """Whether every victim (of sub-group `name`) is a woman."""
        if name is None:
            return self.sexes["female"] == self.total
        return self.women_in[name] == self.size(name) > 0

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
    if lang == "fr":
        if len(members) == 1:
            return label, _one_fr(members[0], words)
        return label, _group_fr(Profile.of(members), words)
    if len(members) == 1:
        return label, _one_en(members[0], words)
    return label, _group_en(Profile.of(members), words)


_NUMBER = r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b"
_COUNTED = _NUMBER + r"\s+(male|female|men|women)\b"


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
    if lang == "fr":
        return _noun_fr(profile.total, status, profile.all_women(), words)
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
        _group_noun_en(profile.total, status, words),
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

    split = profile.split() if affiliation is None else []
    if split:
        parts = [f"{number_words(n)} {words[a]}" for n, a in split]
        line += f"; {join_list(parts)} {_group_noun_en(split[-1][0], status, words)}"
    return line


def _group_noun_en(count: int, status: str | None, words: dict[str, str]) -> str:
    """The noun a group's line is written with: "members of parliament" when every member sits
    (as published: "Seven male opposition members of parliament", Maldives, April 2019;
    "Seventeen opposition members of parliament", Ecuador, February 2021), else "parliamentarians"
    ("38 former opposition parliamentarians", "Five parliamentarians (..., including a former
    parliamentarian)"): a mandate recorded as `unknown` does not say the member sits."""
    if status == "incumbent":
        return words["member"] if count == 1 else words["members"]
    return _noun(count, status, words)


def _subgroup_en(name: str, size: int, words: dict[str, str]) -> str:
    """ "two young parliamentarians", "a parliamentarian-elect", "three former parliamentarians"."""
    count = words["a"] if size == 1 else number_words(size)
    if name == "elect":
        return f"{count} {_noun(size, 'elect', words)}"
    return f"{count} {words[name]} {_noun(size, None, words)}"


# --- French -----------------------------------------------------------------------------


def agree(adjective: str, feminine: bool = False, plural: bool = False) -> str:
    """A French adjective agreeing in gender and number: ancien -> ancienne, anciens, anciennes;
    élu -> élue, élus; jeune -> jeunes; indépendant -> indépendantes."""
    word = adjective
    if feminine and not word.endswith("e"):
        word += "ne" if word.endswith(("ien", "en", "on")) else "e"
    if plural and not word.endswith(("s", "x")):
        word += "s"
    return word


def _affiliation_fr(affiliation: str | None, words: dict[str, str], feminine: bool, plural: bool) -> str:
    """ "de l'opposition", "de la majorité" (invariable), "indépendant(e)(s)"; nothing for others."""
    if affiliation not in PRINTED_AFFILIATIONS:
        return ""
    if affiliation == "independent":
        return agree(words["independent"], feminine, plural)
    return words[affiliation]


def _one_fr(mp: Any, words: dict[str, str]) -> str:
    """ "un député de l'opposition", "une jeune ancienne députée", "un député élu de la majorité"."""
    female = mp.sex == "female"
    parts = [
        words["a_female" if female else "a"],
        words["young"] if getattr(mp, "young", False) else "",
        agree(words["former"], female) if mp.mandate == "former" else "",
        words["member_female" if female else "member"],
        agree(words[mp.mandate], female) if mp.mandate in ("substitute", "elect") else "",
        _affiliation_fr(mp.affiliation, words, female, False),
    ]
    return " ".join(p for p in parts if p)


def _noun_fr(count: int, status: str | None, feminine: bool, words: dict[str, str]) -> str:
    """ "anciens parlementaires", "parlementaires élues", "parlementaire suppléant"."""
    plural = count != 1
    noun = words["parliamentarians" if plural else "parliamentarian"]
    if status == "former":
        return f"{agree(words['former'], feminine, plural)} {noun}"
    if status in ("substitute", "elect"):
        return f"{noun} {agree(words[status], feminine, plural)}"
    return noun


def _count_fr(count: int, feminine: bool, words: dict[str, str]) -> str:
    return number_words(count, "fr", feminine=feminine)


def _group_fr(profile: Profile, words: dict[str, str]) -> str:
    status = profile.shared(profile.mandates)
    affiliation = profile.shared(profile.affiliations)
    women = profile.all_women()
    head = [
        _count_fr(profile.total, women, words),
        agree(words["young"], women, True) if profile.young == profile.total else "",
        _noun_fr(profile.total, status, women, words),
        _affiliation_fr(affiliation, words, women, True),
    ]
    line = " ".join(w for w in head if w)

    bracket = []
    sex = profile.shared(profile.sexes)
    if sex == "male":
        bracket.append(words["all_men"])
    elif sex == "female":
        bracket.append(words["all_women"])
    else:
        men, wom = profile.sexes["male"], profile.sexes["female"]
        bracket.append(
            join_list(
                [
                    words["man"] if men == 1 else words["men"].format(count=number_words(men, "fr")),
                    words["woman"] if wom == 1 else words["women"].format(count=number_words(wom, "fr")),
                ],
                "fr",
            )
        )
    items = [_subgroup_fr(name, size, profile, words) for name, size in profile.subgroups().items()]
    if items:
        bracket.append(f"{words['including']} {join_list(items, 'fr')}")
    line += f" ({', '.join(bracket)})"

    split = profile.split() if affiliation is None else []
    parts = []
    for position, (n, a) in enumerate(split):
        feminine = profile.all_women(a)
        noun = f" {_noun_fr(n, None, feminine, words)}" if position == 0 else ""
        parts.append(f"{_count_fr(n, feminine, words)}{noun} {_affiliation_fr(a, words, feminine, n != 1)}")
    if parts:
        line += f"; {join_list(parts, 'fr')}"
    return line


def _subgroup_fr(name: str, size: int, profile: Profile, words: dict[str, str]) -> str:
    """ "trois jeunes parlementaires", "une parlementaire suppléante", "un ancien parlementaire"."""
    feminine = profile.all_women(name)
    count = _count_fr(size, feminine, words)
    if name == "young":
        return f"{count} {agree(words['young'], feminine, size != 1)} {_noun_fr(size, None, feminine, words)}"
    return f"{count} {_noun_fr(size, name, feminine, words)}"
