"""Where things are in a case repository.

A case repository is any folder holding `cases/`; its reference data lives in
`data/`. Commands find it by walking up from the working directory, like git
does, unless `--root` or `IPU_ROOT` says where it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from ipu_cli.errors import UsageError

CASES = "cases"
DATA = "data"
CASE_SUFFIXES = (".yaml", ".yml")


class RootNotFound(UsageError):
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


def case_files(root: Path, country: str | None = None) -> list[str]:
    """Every case file under `cases/` (or `cases/<country>/`), in path order, not following links to folders.

    The one lister: `ipu validate`, `ipu show`, the cache and the scan all see
    the same files. Strings, not Paths: a large base lists 10,000 of them.
    """
    found: list[str] = []
    stack = [os.path.join(root, CASES, country) if country else os.path.join(root, CASES)]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif name.endswith(CASE_SUFFIXES):
                found.append(entry.path)
    found.sort(key=lambda p: p.split(os.sep))
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
