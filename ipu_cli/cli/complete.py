"""Shell completion of values: case ids, sessions, vocabulary codes and closed choices.

Typer completes commands and option names by itself (`ipu --install-completion`
sets it up for bash, zsh or fish); the functions here complete the values,
for options declared with `autocompletion=`. They run on every Tab, so they
read only what they need with the plain loader (file names under `cases/`, one
`data/` file), never the case base, and return nothing rather than fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Completion = list[tuple[str, str]]


def _root(ctx: Any) -> Path | None:
    from ipu_cli.store.paths import find_root

    chosen = getattr(ctx, "params", {}).get("root") if ctx is not None else None
    try:
        return find_root(override=chosen)
    except Exception:  # no repository here: nothing to complete
        return None


def _typed_case(value: str, incomplete: str) -> str | None:
    """`value` if it completes `incomplete`, in lower case when that was typed in lower case
    (every command takes `khm-60` for `KHM-60`, `asia` for `Asia`); None when it does not."""
    if value.startswith(incomplete):
        return value
    if value.casefold().startswith(incomplete.casefold()) and incomplete == incomplete.lower():
        return value.lower()
    return None


def _matching(incomplete: str, items: Iterable[tuple[str, str]]) -> Completion:
    found = ((_typed_case(value, incomplete), help_text) for value, help_text in items)
    return [(value, help_text) for value, help_text in found if value is not None]


def case_ids(ctx: Any, incomplete: str) -> list[str]:
    """Ids of the case files (their names), in natural order; only one country's folder once
    three letters are typed, so a large base costs a directory listing."""
    from ipu_cli.domain.ids import id_key
    from ipu_cli.store.paths import case_files, stem_id

    root = _root(ctx)
    if root is None:
        return []
    country = incomplete[:3].upper() if len(incomplete) >= 3 and incomplete[:3].isalpha() else None
    ids = sorted({stem_id(Path(name)) for name in case_files(root, country)}, key=id_key)
    return [value for value in (_typed_case(i, incomplete) for i in ids) if value is not None]


def group_ids(ctx: Any, incomplete: str) -> list[str]:
    """Ids of collective cases (`--collective`)."""
    from ipu_cli.domain.ids import is_collective_id

    return [case_id for case_id in case_ids(ctx, incomplete) if is_collective_id(case_id.upper())]


def sessions(ctx: Any, incomplete: str) -> Completion:
    """Sessions of data/sessions.yaml that adopt decisions, latest first: `180` for the
    Committee's, `governing-council-205` for the Council's, each described as help."""
    from types import SimpleNamespace

    from ipu_cli.domain.dates import PartialDate
    from ipu_cli.domain.sessions import DECIDING, describe
    from ipu_cli.store.plaindata import plain_entries

    root = _root(ctx)
    if root is None:
        return []
    found = []
    for item in plain_entries(root, "sessions.yaml", "sessions"):
        body, number = item.get("body"), item.get("number")
        try:
            start = PartialDate.parse(item.get("start"))
        except ValueError:
            continue
        if body in DECIDING and isinstance(number, int):
            text = describe(SimpleNamespace(body=body, number=number, start=start))
            value = str(number) if body == "committee" else f"{body}-{number}"
            found.append(((body != "committee", -number), value, text))
    return _matching(incomplete, ((value, text) for _, value, text in sorted(found)))


def _vocabulary(name: str, key: str, label: str) -> Callable[[Any, str], Completion]:
    def complete(ctx: Any, incomplete: str) -> Completion:
        from ipu_cli.store.plaindata import plain_entries

        root = _root(ctx)
        if root is None:
            return []
        items = plain_entries(root, name, key)
        return _matching(incomplete, ((str(i.get("code")), str(i.get(label) or "")) for i in items))

    complete.__doc__ = f"Codes of data/{name}, with their {label} as help."
    return complete


violations = _vocabulary("violations.yaml", "categories", "label")
event_types = _vocabulary("event-types.yaml", "types", "label")
countries = _vocabulary("countries.yaml", "countries", "name")


def regions(ctx: Any, incomplete: str) -> list[str]:
    """The IPU regions of data/countries.yaml."""
    from ipu_cli.store.plaindata import plain_data

    root = _root(ctx)
    listed = plain_data(root, "countries.yaml").get("regions") if root else None
    names = [str(r) for r in listed] if isinstance(listed, list) else []
    return [value for value in (_typed_case(name, incomplete) for name in names) if value is not None]


def choices(*values: str) -> Callable[[str], list[str]]:
    """A completer for a closed set of values (formats, parties, directions...)."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def diagnostic_codes(incomplete: str) -> Completion:
    """The codes `ipu validate --explain` knows (and `all`), each with its title as help."""
    from ipu_cli.checks.codes import CODES

    items = [("all", "every code"), *((code, entry.title) for code, entry in CODES.items())]
    return _matching(incomplete, items)


def values_of(module: str, name: str) -> Callable[[str], list[str]]:
    """A completer for the values of a tuple that lives in a library module (imported on Tab only)."""

    def complete(incomplete: str) -> list[str]:
        import importlib

        values = getattr(importlib.import_module(module), name)
        return [value for value in values if value.startswith(incomplete)]

    return complete
