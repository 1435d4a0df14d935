"""The one diagnostics record, and the formats it is printed in.

Shaped after yamllint: a Problem is a path, a line, a column, a level, a code
and a message. Every check in ipu reports through it, so every command prints
problems the same way. A problem's level is never chosen where it is made:
it is the level of its code in `ipu_cli.checks.codes`, so one code has one
level everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.causes import with_cause
from ipu_cli.checks.codes import CODES, ERROR, WARNING

if TYPE_CHECKING:
    from ipu_cli.store.yamlload import Fault, Loaded

__all__ = ["ERROR", "FORMATS", "WARNING", "Problem", "format_problems", "summary_line"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about one place in one file. Line and column are 1-based."""

    path: str
    line: int
    column: int
    code: str
    message: str

    @property
    def level(self) -> str:
        """`error` or `warning`, from the codes table (a code missing there is an error)."""
        entry = CODES.get(self.code)
        return entry.level if entry is not None else ERROR

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    @classmethod
    def at(
        cls, loaded: Loaded, loc: tuple[Any, ...], code: str, message: str, *, key: bool = False
    ) -> Problem:
        """A problem at `loc` (a path of keys and indices) in a parsed file, or at its key."""
        line, column = loaded.where(loc, key=key)
        return cls(loaded.path, line, column, code, message)

    @classmethod
    def of(cls, path: str, fault: Fault) -> Problem:
        """The problem a loader fault makes in file `path` (a YAML syntax error names its likely cause)."""
        message = with_cause(fault.message) if fault.code == "yaml-syntax" else fault.message
        return cls(path, fault.line, fault.column, fault.code, message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} {self.code} {self.message}"

    def parsable(self) -> str:
        """yamllint's parsable format: `path:line:column: [level] message (code)`."""
        return f"{self.path}:{self.line}:{self.column}: [{self.level}] {self.message} ({self.code})"

    def github(self) -> str:
        """A workflow command; its data and properties escaped as the runner reads them (a path
        holding ',' or '::' would otherwise end the property or the command early)."""
        message = _escape_data(self.message)
        path = _escape_data(self.path).replace(":", "%3A").replace(",", "%2C")
        return f"::{self.level} file={path},line={self.line},col={self.column},title={self.code}::{message}"


def _escape_data(text: str) -> str:
    """`text` as a workflow command's data: '%' and line breaks escaped (a property also escapes ':' ',')."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


FORMATS = ("text", "parsable", "json", "github")


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems for output; text and github one per line, json one document."""
    items = list(problems)
    if fmt == "json":
        return json.dumps([p.as_dict() for p in items], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(p.github() + "\n" for p in items)
    if fmt == "parsable":
        return "".join(p.parsable() + "\n" for p in items)
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
