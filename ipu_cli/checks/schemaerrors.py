"""Turn Pydantic validation errors into located, readable Problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ipu_cli.checks.problems import Problem
from ipu_cli.domain.suggest import did_you_mean
from ipu_cli.store.yamlload import Loaded

_QUOTED = re.compile(r"'([^']*)'")


def validate_model(loaded: Loaded, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate parsed data against `model`; problems point into the file."""
    if not isinstance(loaded.data, dict):
        return None, [not_a_mapping(loaded)]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, problems_of(loaded, model, exc.errors(include_url=False))


def not_a_mapping(loaded: Loaded) -> Problem:
    """The problem of a file whose top level is a list, a text or nothing."""
    kind = type(loaded.data).__name__ if loaded.data is not None else "nothing"
    kind = {"list": "a list", "str": "text", "int": "a number"}.get(kind, kind)
    return Problem.at(loaded, (), "not-a-mapping", f"expected a mapping of fields, found {kind}")


def problems_of(loaded: Loaded, model: type[BaseModel], errors: list[Any]) -> list[Problem]:
    """Pydantic's errors for `loaded` against `model`, as located problems."""
    return [_problem(loaded, model, err) for err in errors]


def _problem(loaded: Loaded, model: type[BaseModel], err: Any) -> Problem:
    loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and "[" in part))
    where = _dotted(loc)
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        known = _fields_at(model, loc[:-1])
        message = f"unknown field '{name}'" + did_you_mean(name, known)
        return Problem.at(loaded, loc, "unknown-field", message, key=True)
    if kind == "missing":
        name = str(loc[-1]) if loc else "?"
        parent = _dotted(loc[:-1])
        message = f"missing required field '{name}'" + (f" in {parent}" if parent else "")
        return Problem.at(loaded, loc[:-1], "missing-field", message)
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    elif msg.startswith("Assertion failed, "):
        msg = msg[len("Assertion failed, ") :]
    else:
        msg = msg[0].lower() + msg[1:]
    if kind == "literal_error" and isinstance(value, str):
        options = _QUOTED.findall(err.get("ctx", {}).get("expected", ""))
        msg = f"'{value}' is not one of {', '.join(options)}" + did_you_mean(value, options)
    elif kind == "string_pattern_mismatch":
        msg = f"'{value}' does not have the expected form ({_pattern_hint(err)})"
    elif not isinstance(value, dict | list) and repr(value) not in msg:
        msg = f"{msg}, got {value!r}"
    message = f"{where}: {msg}" if where else msg
    return Problem.at(loaded, loc, "invalid-value", message)


def _pattern_hint(err: Any) -> str:
    pattern = err.get("ctx", {}).get("pattern", "")
    examples = {
        "COLL": "a collective id such as KHM-COLL-03",
        "committee|": "a session such as committee-179",
        "I\\.1": "a section such as I.1(c)",
        "[a-z0-9]+(-": "a lower-case code such as arbitrary-detention",
        "^[A-Z]{3}$": "a three-letter country code such as KHM",
        "^[A-Z]{3}-[0-9]": "an id such as KHM-60",
    }
    for needle, text in examples.items():
        if needle in pattern:
            return text
    return f"pattern {pattern}"


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by following `loc` through nested models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside list[X], X | None, Annotated[X, ...]."""
    origin = typing.get_origin(annotation)
    if origin is None:
        return annotation
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    if origin in (types.UnionType, typing.Union):
        return None
    return None
