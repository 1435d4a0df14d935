"""Session references: `committee-179`, how a user may type one, and how prose names it.

Three bodies count their sessions separately (the Committee, the Governing
Council and the Assembly); case files name a session by body and number
(`committee-179`, `governing-council-205`, `assembly-146`). Commands take
`--session 180`, `180th` or `committee-180`; only the Committee and the
Governing Council adopt decisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ipu_cli.domain.dates import month_year
from ipu_cli.domain.words import ordinal
from ipu_cli.errors import UsageError

BODIES = ("committee", "governing-council", "assembly")
DECIDING = ("committee", "governing-council")
"""The bodies that adopt decisions."""

_TYPED = re.compile(r"^\s*(?:(committee|governing-council|assembly)-)?(\d{1,4})(?:st|nd|rd|th)?\s*$", re.I)


def session_ref(number: int, body: str = "committee") -> str:
    """`committee-179` from 179 and the body."""
    return f"{body}-{number}"


def split_ref(ref: str) -> tuple[str, int]:
    """(`committee`, 179) from `committee-179`."""
    body, _, number = ref.rpartition("-")
    return body, int(number)


def parse_session(text: str | int, body: str = "committee") -> str:
    """The reference a typed `--session` means: 180, '180th' and 'committee-180' alike.

    A typed body overrides `body`; UsageError says what is expected.
    """
    match = _TYPED.match(str(text))
    if not match:
        raise UsageError(
            f"--session: expected a session number such as 180, 180th or committee-180, got '{text}'"
        )
    typed_body, number = match.groups()
    return session_ref(int(number), (typed_body or body).lower())


def deciding_body(body: str) -> str:
    """`body` if it adopts decisions (`--body`), else UsageError naming the choices."""
    if body not in DECIDING:
        raise UsageError(f"unknown body '{body}'; choose {' or '.join(DECIDING)}")
    return body


def find_session(sessions: Mapping[str, Any], text: str | int, body: str = "committee") -> Any:
    """The session `text` names (see `parse_session`), for a decision: UsageError lists the known ones."""
    ref = parse_session(text, deciding_body(body))
    wanted_body, _ = split_ref(ref)
    session = sessions.get(ref)
    if session is None:
        known = ", ".join(s for s in sessions if s.startswith(wanted_body + "-")) or "none"
        raise UsageError(f"session {ref} is not in data/sessions.yaml (known: {known})")
    if session.body not in DECIDING:
        raise UsageError("decisions are adopted by the committee or the governing-council, not the assembly")
    return session


def following(sessions: Iterable[Any], after: Any, body: str = "committee") -> Any | None:
    """The first session of `body` that starts after `after` starts, if the registry has one."""
    later = [s for s in sessions if s.body == body and s.start > after.start]
    return min(later, key=lambda s: s.start, default=None)


_OTHER_BODIES = {
    "en": {"governing-council": "{n} session of the Governing Council", "assembly": "{n} IPU Assembly"},
    "fr": {"governing-council": "{n} session du Conseil directeur", "assembly": "{n} Assemblée de l'UIP"},
}


def describe(session: Any, lang: str = "en") -> str:
    """How prose names a session: "179th session (February 2026)" for the Committee's,
    "205th session of the Governing Council (October 2019)", "146th IPU Assembly (March 2023)".
    """
    number = ordinal(session.number, lang)
    pattern = _OTHER_BODIES.get(lang, _OTHER_BODIES["en"]).get(getattr(session, "body", "committee"))
    name = pattern.format(n=number) if pattern else f"{number} session"
    return f"{name} ({month_year(session.start, lang)})"
