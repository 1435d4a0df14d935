"""`data/*.yaml` as plain values, for the paths that must not import Pydantic.

`ipu show` and shell completion read a vocabulary or the sessions without
validating them (that is `ipu validate`'s job) and must start fast: they take
the loader's plain mappings and skip anything that is not what they expect.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipu_cli.store.paths import DATA
from ipu_cli.store.yamlload import load_file


def plain_data(root: Path, name: str) -> dict[str, Any]:
    """The mapping in `data/<name>`; empty when the file is missing or cannot be read."""
    path = Path(root) / DATA / name
    if not path.is_file():
        return {}
    loaded = load_file(path)
    return loaded.data if loaded.ok and isinstance(loaded.data, dict) else {}


def plain_entries(root: Path, name: str, key: str) -> list[dict[str, Any]]:
    """The mappings listed under `key` in `data/<name>` (`categories`, `countries`, `sessions`...)."""
    items = plain_data(root, name).get(key)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
