"""`data/*.yaml` as plain values, for the paths that must not import Pydantic.

`ipu show` and shell completion read a vocabulary or the sessions without
validating them (that is `ipu validate`'s job) and must start fast: they take
the loader's plain mappings and skip anything that is not what they expect.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipu_cli.errors import IpuError
from ipu_cli.store.paths import DATA, display_path
from ipu_cli.store.yamlload import load_file


def plain_data(root: Path, name: str, required: bool = False) -> dict[str, Any]:
    """The mapping in `data/<name>`; empty when the file is missing or cannot be read, unless
    `required`: then such a file is an IpuError naming it and where it stopped (`ipu show` must
    not count a group's members without the sessions that say who has left)."""
    path = Path(root) / DATA / name
    shown = display_path(path, Path(root))
    if not path.is_file() and not (required and (path.exists() or path.is_symlink())):
        if required:
            raise IpuError(f"cannot read reference data: {shown} is missing (see 'ipu validate')")
        return {}
    loaded = load_file(path, shown)
    if loaded.ok and isinstance(loaded.data, dict):
        return loaded.data
    if required:
        fault = loaded.faults[0] if loaded.faults else None
        where = (
            f"{shown}:{fault.line}:{fault.column}: {fault.message}" if fault else f"{shown}: not a mapping"
        )
        raise IpuError(f"cannot read reference data: {where} (see 'ipu validate')")
    return {}


def plain_entries(root: Path, name: str, key: str, required: bool = False) -> list[dict[str, Any]]:
    """The mappings listed under `key` in `data/<name>` (`categories`, `countries`, `sessions`...)."""
    items = plain_data(root, name, required).get(key)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
