"""Which paragraphs of a draft are carried over from an earlier decision, unedited.

A draft starts from the latest decision's text (`ipu start-draft` copies it into
the case's `draft:` block; without a block the draft is that text). A paragraph
whose verb, text and sub-items are still those of a paragraph adopted before the
session (spaces aside) has not been looked at: every format marks it, so nothing
stale is adopted by mistake. Editing the paragraph in the draft block removes the
mark; so does `kept: true` on it, for a paragraph the officer keeps on purpose
("*Decides* to continue examining this case."). Pure rules on duck-typed records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ipu_cli.domain.translations import key


def wording(paragraph: Any) -> tuple[str, str, tuple[str, ...]]:
    """What makes two paragraphs the same text: verb, text and items, spaces normalised."""
    return key(paragraph.verb), key(paragraph.text), tuple(key(item) for item in paragraph.items)


def earlier_decisions(decisions: Iterable[Any], session: Any) -> list[Any]:
    """The decisions adopted before `session` starts (never one of `session` itself)."""
    return [
        d for d in decisions if d.session != session.ref and d.adopted.earliest() < session.start.earliest()
    ]


def carried_over(paragraphs: Iterable[Any], earlier: Iterable[Any]) -> list[bool]:
    """For each paragraph: True when it repeats a paragraph of an `earlier` decision word for
    word and is not marked `kept: true`."""
    adopted = {wording(p) for decision in earlier for p in decision.paragraphs}
    return [wording(p) in adopted and not getattr(p, "kept", False) for p in paragraphs]
