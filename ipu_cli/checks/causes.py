"""What most likely caused a YAML error, in the case officer's words.

The YAML parser says where it stopped and what it expected ("mapping values
are not allowed in this context"); the person editing the file needs to know
what they probably typed. Each rule below matches the parser's wording and
names the usual cause; `ipu validate --explain CODE` says more (`hints`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

YAML_CODES = (
    "encoding",
    "empty-file",
    "yaml-syntax",
    "tab",
    "multiple-documents",
    "duplicate-key",
    "yaml-alias",
    "yaml-tag",
    "not-a-mapping",
)
"""Codes of a file that could not be read as YAML: each problem points to its explanation."""

_CAUSES = (
    (
        ("mapping values are not allowed",),
        "a ': ' inside a value that is not in quotes (quote the whole value), "
        "or a key indented deeper than the line above",
    ),
    (("expected ',' or ']'",), "a list opened with '[' and not closed, or a ',' inside an item"),
    (("expected ',' or '}'",), "a mapping opened with '{' and not closed"),
    (("quoted scalar", "end of stream"), "a quote opened and never closed"),
    (
        ("alias",),
        "a value that starts with '*' (italics such as *in absentia*): put the whole value in quotes",
    ),
    (("anchor",), "a value that starts with '&': put the whole value in quotes"),
    (
        ("cannot start any token",),
        "a value that starts with '@', '`' or '%', which YAML reserves: put it in quotes",
    ),
    (
        ("did not find expected key",),
        "wrong indentation (a line indented less or more than the others of its block), "
        "or a quote that closes before the end of the value",
    ),
    (
        ("could not find expected ':'",),
        "a line with no 'key:' inside a mapping: a missing ':', or the next line of a long "
        "text not indented under its key",
    ),
    (("expected '-' indicator",), "a 'key: value' line among list items ('- ...') at the same indentation"),
    (("nesting",), "brackets nested hundreds deep: this is not a case file"),
)


def likely_cause(message: str) -> str | None:
    """The usual cause of a `yaml-syntax` message from the parser, or None when none is known."""
    for needles, cause in _CAUSES:
        if all(needle in message for needle in needles):
            return cause
    return None


def with_cause(message: str) -> str:
    """A parser message followed by its likely cause: "...; likely cause: a quote opened and never closed"."""
    cause = likely_cause(message)
    return f"{message}; likely cause: {cause}" if cause else message


def hints(problems: Iterable[Any]) -> list[str]:
    """One pointer per YAML-level code among `problems`: "how to fix tab: ipu validate --explain tab"."""
    codes = dict.fromkeys(p.code for p in problems if p.code in YAML_CODES)
    return [f"how to fix {code}: ipu validate --explain {code}" for code in codes]
