"""What a decision asks of someone: its *Requests* / *Calls on* / *Invites* / *Urges* clauses.

Follow-up letters quote these clauses and `ipu followups` lists them. A clause
is either a whole paragraph opened by one of these verbs, or a second verb in
italics inside a paragraph ("...; and *requests* the Cambodian authorities to
provide..."). The routine request to the Secretary General to convey the
decision is an instruction to the secretariat, not something awaited from the
authorities, so it is marked `to_secretariat` and left out by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ipu_cli.domain.translations import split_mark

_SECRETARIAT = re.compile(r"^((the )?(IPU )?Secretary General|(le |la )?Secrétaire générale?)\b")
"""The routine request to the Secretary General (French: "le Secrétaire général")."""


@dataclass(frozen=True)
class Ask:
    """One clause of a decision that asks for something."""

    paragraph: int
    verb: str
    text: str
    items: tuple[str, ...] = ()

    @property
    def to_secretariat(self) -> bool:
        return bool(_SECRETARIAT.match(split_mark(self.text)[1]))

    def quoted(self) -> str:
        """The clause as adopted, the verb in italics: '*Calls on* the authorities to ...'."""
        return f"*{self.verb}* {self.text}"


def asks_of(decision: Any, ask_verbs: Iterable[str], include_secretariat: bool = False) -> list[Ask]:
    """The clauses of `decision` that ask for something, in paragraph order.

    `ask_verbs` are the verbs marked `asks: true` in data/verbs.yaml
    (`Reference.ask_verbs`), so the list is data a case officer can change; a French
    decision's second verbs are found by their French forms added to the list.
    """
    verbs = tuple(ask_verbs)
    if not verbs:
        return []
    second = re.compile(r"\*(" + "|".join(re.escape(v.lower()) for v in verbs) + r")\*", re.IGNORECASE)
    out: list[Ask] = []
    for number, paragraph in enumerate(decision.paragraphs, start=1):
        if paragraph.verb in verbs:
            out.append(Ask(number, paragraph.verb, _clause(paragraph.text), tuple(paragraph.items)))
        for match in second.finditer(paragraph.text):
            rest = paragraph.text[match.end() :].strip()
            out.append(Ask(number, match.group(1).lower(), _clause(_until_next_verb(rest))))
    return [ask for ask in out if include_secretariat or not ask.to_secretariat]


def _until_next_verb(text: str) -> str:
    """A second verb's clause runs to the next italic verb after a semicolon ("; and *requests*",
    French "; et *prie*"), or to the end."""
    cut = re.search(r";\s*((and|et)\s+)?\*[^\W\d_][^*]*\*", text)
    return text[: cut.start()] if cut else text


def _clause(text: str) -> str:
    """Folded whitespace, without the closing semicolon or full stop of the paragraph."""
    return " ".join(text.split()).rstrip(";.").rstrip()
