"""JSON Schemas for every file kind, exported from the models for editors."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ipu_cli.domain.cases import CollectiveCase, IndividualCase, Translation
from ipu_cli.domain.datafiles import (
    CountryTable,
    EventTypeVocabulary,
    Secretariat,
    SessionRegistry,
    VerbVocabulary,
    ViolationVocabulary,
)

KINDS: dict[str, type[BaseModel]] = {
    "individual-case": IndividualCase,
    "collective-case": CollectiveCase,
    "translation": Translation,
    "violations": ViolationVocabulary,
    "event-types": EventTypeVocabulary,
    "verbs": VerbVocabulary,
    "countries": CountryTable,
    "sessions": SessionRegistry,
    "secretariat": Secretariat,
}


def render() -> dict[str, str]:
    """File name -> schema text, deterministic so `--check` can compare bytes."""
    out = {}
    for name, model in KINDS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{name}.schema.json",
            **schema,
        }
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return out


def stale(folder: Path) -> list[str]:
    """Names of schema files missing or different from what the models give."""
    return [
        name
        for name, text in render().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write(folder: Path) -> list[str]:
    from ipu_cli.store.atomic import write_text

    folder.mkdir(parents=True, exist_ok=True)
    changed = stale(folder)
    for name, text in render().items():
        if name in changed:
            write_text(folder / name, text)
    return changed
