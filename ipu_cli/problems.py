"""The one diagnostics record, and the formats it is printed in.

Shaped after yamllint: a Problem is a path, a line, a column, a level, a code
and a message. Every check in ipu reports through it, so every command prints
problems the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about one place in one file. Line and column are 1-based."""

    path: str
    line: int
    column: int
    level: str
    code: str
    message: str

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} {self.code} {self.message}"

    def github(self) -> str:
        kind = "error" if self.level == ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.column},title={self.code}::{message}"


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known value nearest to a typo, for "did you mean" hints in messages."""
    import difflib

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return matches[0] if matches else None


FORMATS = ("text", "json", "github")


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems for output; text and github one per line, json one document."""
    items = list(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in items], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(p.github() + "\n" for p in items)
    return "".join(p.text() + "\n" for p in items)


def summary_line(problems: Iterable[Problem], files: int) -> str:
    """`38 files checked: 2 errors, 1 warning`; printed on stderr after text output."""
    items = list(problems)
    errors = sum(1 for p in items if p.level == ERROR)
    warnings = len(items) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if not items:
        return f"{plural(files, 'file')} checked: no problems"
    return f"{plural(files, 'file')} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
