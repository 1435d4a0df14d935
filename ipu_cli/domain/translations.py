"""The case's own text in another language: which texts a translation covers, and using it.

A case file is written in English. Its narrative texts (the summary, decision
and draft paragraphs and their sub-items, the descriptions of events, hearings
and communications, addressees, the victims override and the Victims line a
decision recorded as published, the parliament's name, the context noted on a
violation) can be given in French in a parallel file,
`cases/KHM/KHM-COLL-03.fr.yaml`, as pairs of the English text and its French.
A pair is found by its English text (whitespace folded), not by its position:
a translation follows the text wherever it moves (a draft copies the latest
decision's paragraphs, log entries are inserted in date order), a text
translated once serves every entry that repeats it ("Letter to the Speaker"),
and an English text edited after translation no longer finds its old French:
it is untranslated, never silently out of date.

A document in French uses the French of every text that has one; a text
without prints in English, marked `[EN]`, and is listed (`translated`). The
summary is translated paragraph by paragraph (blocks separated by a blank line).
Pure rules on duck-typed models (no Pydantic import): `ipu show` imports this
module through the case box.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ipu_cli.domain.groups import holds_own_case

MARK = "[EN]"
"""What marks an English text printed in a document of another language."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Unit:
    """One text to translate: where it is in the case file, the English, what it is in words."""

    path: Path
    text: str
    what: str
    part: int | None = None
    """The paragraph of a text of several paragraphs (a summary), else None."""
    internal: bool = False
    """Never printed in a public output (an internal log entry or addressee)."""
    prose: bool = False
    """Used in running text ("membre du Sénat"): the pair's `prose` form (with its article) wins."""
    printed: bool = True
    """Printed by a decision or letter: the case-level texts of a case that holds its own
    decisions, and an MP's notes on violations (footnotes); not events, nor the other texts of
    an MP examined in a group. Every text may be translated; only printed ones are missed."""


def key(text: str) -> str:
    """How a text is matched: its words, whatever the line breaks and spaces between them."""
    return " ".join(text.split())


def paragraphs(text: str | None) -> list[str]:
    """A summary's paragraphs: blocks separated by a blank line, whitespace folded."""
    if not text:
        return []
    return [key(block) for block in text.split("\n\n") if block.strip()]


def split_mark(text: str) -> tuple[str, str]:
    """("[EN] ", rest) for a text marked as English, ("", text) otherwise."""
    prefix = MARK + " "
    return (prefix, text[len(prefix) :]) if text.startswith(prefix) else ("", text)


def units(case: Any) -> list[Unit]:
    """Every translatable text of a case file (a group, or an MP), in file order."""
    out: list[Unit] = []
    own = holds_own_case(case)

    def add(
        path: Path,
        text: str | None,
        what: str,
        internal: bool = False,
        printed: bool = own,
        prose: bool = False,
    ) -> None:
        if text and text.strip():
            out.append(Unit(path, key(text), what, internal=internal, printed=printed, prose=prose))

    def several(path: Path, text: str | None, what: str) -> None:
        parts = paragraphs(text)
        for index, part in enumerate(parts):
            label = f"{what}, paragraph {index + 1}" if len(parts) > 1 else what
            out.append(Unit(path, part, label, part=index, printed=own))

    def decision_text(path: Path, holder: Any, name: str) -> None:
        several((*path, "summary"), holder.summary, f"{name}, summary")
        for number, paragraph in enumerate(holder.paragraphs):
            where = (*path, "paragraphs", number)
            add((*where, "text"), paragraph.text, f"{name}, paragraph {number + 1}")
            for item, text in enumerate(paragraph.items):
                add((*where, "items", item), text, f"{name}, paragraph {number + 1}, item {item + 1}")

    several(("summary",), case.summary, "summary")
    add(("victims",), case.victims, "victims")
    add(("parliament",), case.parliament, "parliament", prose=True)
    for index, violation in enumerate(getattr(case, "violations", ())):
        add(
            ("violations", index, "note"), violation.note, f"note on violation {violation.code}", printed=True
        )
    for index, event in enumerate(case.events):
        add(("events", index, "text"), event.text, f"event of {event.date}", printed=False)
    for index, hearing in enumerate(case.hearings):
        add(("hearings", index, "description"), hearing.description, f"hearing of {hearing.date}")
    for index, entry in enumerate(case.communications):
        what = f"communication of {entry.date} ({entry.direction} {entry.party})"
        add(("communications", index, "description"), entry.description, what, entry.internal)
    for index, addressee in enumerate(case.addressees):
        who = f"addressee ({addressee.party})"
        for name in ("title", "institution", "salutation"):
            add(("addressees", index, name), getattr(addressee, name), f"{who} {name}", addressee.internal)
        for line, text in enumerate(addressee.address):
            add(
                ("addressees", index, "address", line),
                text,
                f"{who} address line {line + 1}",
                addressee.internal,
            )
    for index, decision in enumerate(case.decisions):
        name = f"decision {decision.session or decision.adopted}"
        decision_text(("decisions", index), decision, name)
        add(("decisions", index, "victims"), decision.victims, f"{name}, victims")
    if case.draft is not None:
        decision_text(("draft",), case.draft, "draft")
    return out


def translated(
    case: Any, table: Mapping[str, str], prose: Mapping[str, str] | None = None
) -> tuple[Any, list[Unit]]:
    """A copy of `case` with every text in `table`'s language, and the texts that have none.

    `table` maps `key(English)` to the translation, `prose` to its running-text form where a
    pair gives one (a parliament's name with its article: "l'Assemblée nationale", where the
    address prints "Assemblée nationale"). A text without a translation is printed in
    English, marked `[EN]`, and returned in the list, so the command can say so.
    """
    copy = case.model_copy(deep=True)
    missing: list[Unit] = []
    joined: dict[Path, list[str]] = {}
    for unit in units(case):
        text = (prose or {}).get(unit.text) if unit.prose else None
        text = text or table.get(unit.text)
        if text is None:
            missing.append(unit)
            text = f"{MARK} {unit.text}"
        if unit.part is not None:
            joined.setdefault(unit.path, []).append(key(text))
        else:
            _set(copy, unit.path, text)
    for path, parts in joined.items():
        _set(copy, path, "\n\n".join(parts))
    return copy, missing


def _set(target: Any, path: Path, value: str) -> None:
    for step in path[:-1]:
        target = target[step] if isinstance(step, int) else getattr(target, step)
    last = path[-1]
    if isinstance(last, int):
        target[last] = value
    else:
        setattr(target, last, value)


def table_of(translation: Any) -> dict[str, str]:
    """English (folded) -> translation, from a translation file's pairs; empty ones are not translations."""
    return {key(pair.en): pair.fr for pair in translation.texts if pair.fr and pair.fr.strip()}


def prose_of(translation: Any) -> dict[str, str]:
    """English (folded) -> the running-text form a pair gives (`prose`), where it gives one."""
    return {key(pair.en): pair.prose for pair in translation.texts if pair.prose and pair.prose.strip()}
