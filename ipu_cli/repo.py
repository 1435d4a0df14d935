"""Where things are in a case repository.

A case repository is any folder holding `cases/`; its reference data lives in
`data/`. Commands find it by walking up from the working directory, like git
does, unless `--root` or `IPU_ROOT` says where it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CASES = "cases"
DATA = "data"
CASE_SUFFIXES = (".yaml", ".yml")

_ID_SPELLING = re.compile(r"^\s*([A-Za-z]{3})\s*[-/ ]?\s*(COLL\s*[-/ ]?\s*)?(\d{1,4})\s*$", re.IGNORECASE)


class RootNotFound(Exception):
    """No case repository here or above."""


def find_root(start: Path | None = None, override: str | os.PathLike[str] | None = None) -> Path:
    """The case repository root: `override`, then $IPU_ROOT, then walk up from `start`."""
    chosen = override or os.environ.get("IPU_ROOT")
    if chosen:
        root = Path(chosen).resolve()
        if not (root / CASES).is_dir():
            raise RootNotFound(f"{root} is not a case repository: it has no '{CASES}/' folder")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CASES).is_dir():
            return folder
    raise RootNotFound(
        f"no case repository found: no '{CASES}/' folder in {here} or above (use --root DIR or set IPU_ROOT)"
    )


def case_files(root: Path) -> list[Path]:
    """Every case file under `cases/`, sorted, without following links out of it."""
    found: list[Path] = []
    stack = [root / CASES]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.name.endswith(CASE_SUFFIXES):
                found.append(Path(entry.path))
    found.sort()
    return found


def display_path(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the repository root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def escapes_root(path: Path, root: Path) -> bool:
    """True when `path` is a link that leads outside the repository."""
    if not path.is_symlink():
        return False
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False


def normalise_id(text: str) -> str | None:
    """Canonical spelling of an id typed loosely: 'khm60', 'KHM/60', 'khm-coll-3'."""
    match = _ID_SPELLING.match(text)
    if not match:
        return None
    country, coll, number = match.groups()
    if coll:
        return f"{country.upper()}-COLL-{int(number):02d}"
    return f"{country.upper()}-{int(number)}"


_TRAILING_NUMBER = re.compile(r"(\d+)$")


def id_key(case_id: str) -> tuple[str, int, int, str]:
    """Natural id order, used wherever cases are listed: KHM-48 < KHM-99 < KHM-101 < KHM-COLL-03."""
    match = _TRAILING_NUMBER.search(case_id)
    number = int(match.group(1)) if match else 0
    return (case_id[:3], 1 if "-COLL-" in case_id else 0, number, case_id)


def path_for_id(root: Path, case_id: str) -> Path:
    """Where the file of a (canonical) id lives: cases/KHM/KHM-60.yaml."""
    return root / CASES / case_id[:3] / f"{case_id}.yaml"


def stem_id(path: Path) -> str:
    """The id a file's name promises."""
    name = path.name
    for suffix in CASE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
