"""The checklist of alleged violations and its footnotes, computed from the members' violations.

Categories print in the order of `data/violations.yaml`; a footnote limits an
item to some members, records that it applied in the past to some and now to
fewer, or adds the context noted on a violation. Nothing here is typed by
hand: the checklist of a group is derived from its members' files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ipu_cli.domain.labels import FOOTNOTES
from ipu_cli.domain.words import capitalise, cases_phrase, join_list, superscript, with_period


@dataclass
class ChecklistItem:
    label: str
    marker: str = ""
    code: str = ""


@dataclass
class Footnote:
    marker: str
    text: str


def checklist(
    members: list[Any], ref: Any, lang: str = "en", order: list[str] | None = None
) -> tuple[list[ChecklistItem], list[Footnote]]:
    """The ticked categories in data/violations.yaml order, with footnotes from the scopes.

    `order` (a decision's recorded `checklist`) puts the categories it names first, in its
    order, and the other ticked ones after them in the vocabulary's order; a category no
    member holds is not ticked, whatever the order names.

    - held by only some members, all current: "Only concerns cases KHM-56 and KHM-57."
    - held in the past by some, now by fewer: "Alleged violations which previously
      concerned the following former parliamentarians: A, B, C. Only currently applies
      to case C."
    - a note on a violation adds its context: "Only concerns case KHM-60 in the context
      of solitary confinement."; when only some of the members holding the violation carry
      the note, the context says whose: "In the context of incommunicado detention, as
      regards case COD-105."
    Markers (¹ ² ³) are numbered in order of appearance. The sentences are
    `labels.FOOTNOTES[lang]`; a note's context is printed as the case file words it.
    """
    items: list[ChecklistItem] = []
    notes: list[Footnote] = []
    group = len(members) > 1
    for code in dict.fromkeys([*(order or []), *ref.violations]):
        holders = [(mp, v) for mp in members for v in mp.violations if v.code == code]
        if not holders:
            continue
        text = _footnote(
            [(mp.id, mp.mandate, v.scope, v.note) for mp, v in holders],
            len(members),
            group,
            lang,
            female=all(mp.sex == "female" for mp, _ in holders),
        )
        marker = ""
        if text:
            marker = superscript(len(notes) + 1)
            notes.append(Footnote(marker, text))
        items.append(ChecklistItem(ref.violation_label(code, lang), marker, code))
    return items, notes


def recorded_order(draft: Any, decisions: Any, session_ref: str | None = None, before: Any = None) -> Any:
    """The checklist order the next draft records, if any (else the vocabulary's is used).

    The draft block's `checklist` (a draft for `session_ref`, or for no session in particular),
    else that of the latest decision that records one, adopted before the date `before` and not
    at `session_ref` (None: any).
    """
    if (
        draft is not None
        and draft.checklist
        and (session_ref is None or draft.session in (None, session_ref))
    ):
        return draft.checklist
    earlier = [
        d
        for d in decisions
        if d.checklist
        and (session_ref is None or d.session != session_ref)
        and (before is None or d.adopted.earliest() < before)
    ]
    return max(earlier, key=lambda d: d.adopted).checklist if earlier else None


def _footnote(
    holders: list[tuple[str, str, str, str | None]],
    total: int,
    group: bool,
    lang: str = "en",
    female: bool = False,
) -> str:
    words = FOOTNOTES[lang]
    ids = [case_id for case_id, _, _, _ in holders]
    current = [case_id for case_id, _, scope, _ in holders if scope == "current"]
    context = join_list(dict.fromkeys(note for _, _, _, note in holders if note), lang)
    noted = [case_id for case_id, _, _, note in holders if note]
    if group and context and len(noted) < len(ids):
        # the context is only some holders': say whose ("..., as regards case COD-105")
        context += words["as_regards"].format(cases=cases_phrase(noted, lang))
    if not group:
        parts = []
        if not current:
            parts.append(words["past_only"])
        if context:
            parts.append(with_period(capitalise(context)))
        return " ".join(parts)
    if len(current) < len(ids):
        whom = "whom" + ("_one" if len(ids) == 1 else "")
        whom += "_former" if all(mandate == "former" for _, mandate, _, _ in holders) else ""
        whom += "_female" if female else ""
        text = words["previously"].format(whom=words[whom], ids=", ".join(ids))
        if current:
            text += words["currently"].format(cases=cases_phrase(current, lang, to=True))
            text += f" {context}." if context else "."
        else:
            text += words["no_longer"]
        return text
    if len(ids) < total:
        return with_period(
            words["only"].format(cases=cases_phrase(ids, lang)) + (f" {context}" if context else "")
        )
    if context:
        return with_period(capitalise(context))
    return ""
