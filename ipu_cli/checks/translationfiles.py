"""Translation files (`cases/KHM/KHM-COLL-03.fr.yaml`): read, checked, and what lacks a translation.

A translation file is read through the one loader and checked against its
model like a case file; then against its case file: the case file must exist
(`translation-orphan`), each English text may be translated once
(`duplicate-translation`), and each must still be a text of the case file
(`translation-unused`: the English was edited or removed since it was
translated, so the French is no longer used). `ipu validate --lang fr` also
lists every text a French decision or letter prints (`Unit.printed`, public
ones only), and every entry of `data/` it prints, that has no French
(`untranslated`).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ipu_cli.checks.problems import Problem
from ipu_cli.domain.labels import LANGUAGE_NAMES
from ipu_cli.domain.translations import key, table_of, units
from ipu_cli.store.paths import DATA, case_path_of, translation_path

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Translation
    from ipu_cli.store.casebase import CaseBase
    from ipu_cli.store.records import CaseRecord
    from ipu_cli.store.yamlload import Loaded


def read_translation(root: Path, shown: str) -> tuple[Translation | None, Loaded, list[Problem]]:
    """A translation file as its model (None when it cannot be used) and its own problems."""
    from ipu_cli.checks.schemaerrors import validate_model
    from ipu_cli.domain.cases import Translation
    from ipu_cli.store.yamlload import load_file

    loaded = load_file(root / shown, shown)
    if not loaded.ok:
        return None, loaded, [Problem.of(loaded.path, fault) for fault in loaded.faults]
    value, problems = validate_model(loaded, Translation)
    if value is None:
        return None, loaded, problems
    assert isinstance(value, Translation)
    seen: dict[str, int] = {}
    for index, pair in enumerate(value.texts):
        text = key(pair.en)
        if text in seen:
            message = f"this English text is already translated at line {seen[text]}; keep one of the two"
            problems.append(Problem.at(loaded, ("texts", index, "en"), "duplicate-translation", message))
        else:
            seen[text] = loaded.where(("texts", index, "en"))[0]
    return value, loaded, problems


def usable_translation(root: Path, shown: str, why: str = "") -> Translation:
    """A translation file a document (or `ipu untranslated`) reads: its model, or IpuError with
    its errors when it cannot be used; `why` opens the message ("cannot make the document in 'fr': ")."""
    from ipu_cli.errors import IpuError

    value, _loaded, problems = read_translation(root, shown)
    errors = [p for p in problems if p.is_error]
    if value is None or errors:
        raise IpuError(f"{why}{shown} cannot be used (see 'ipu validate')", errors)
    return value


def translation_of_record(base: CaseBase, record: CaseRecord, lang: str) -> str | None:
    """The shown path of a case's `lang` translation file, when the base lists one."""
    wanted = translation_path(Path(record.path), lang).as_posix()
    return wanted if wanted in base.translations else None


def file_problems(root: Path, shown: str, case: Any, case_read: bool) -> list[Problem]:
    """One translation file's problems: its own, then against its case file (`case`: the model,
    None when there is no readable case file; `case_read`: a case file exists, perhaps broken)."""
    value, loaded, out = read_translation(root, shown)
    case_path = case_path_of(shown)
    if case is None:
        if not case_read:
            name = PurePosixPath(case_path).name
            message = (
                f"no case file {name} beside this translation: rename it after its case file, or delete it"
            )
            out.append(Problem(shown, 1, 1, "translation-orphan", message))
        return out
    if value is None:
        return out
    held = {unit.text for unit in units(case)}
    for index, pair in enumerate(value.texts):
        if key(pair.en) not in held:
            message = (
                f"this English text is not in {PurePosixPath(case_path).name} (edited or removed "
                "since it was translated): copy the new English here and update the translation, "
                "or delete the pair"
            )
            out.append(Problem.at(loaded, ("texts", index, "en"), "translation-unused", message))
    return out


def untranslated(base: CaseBase, lang: str) -> list[Problem]:
    """Every public text a `lang` decision or letter prints that has no `lang` translation, at the
    English text; and the entries of `data/` such a document prints without one."""
    from ipu_cli.store.yamlload import load_file

    out: list[Problem] = []
    for record in base.records.values():
        table: dict[str, str] = {}
        shown = translation_of_record(base, record, lang)
        if shown is not None:
            value = read_translation(base.root, shown)[0]
            if value is None:
                continue  # the translation file cannot be read: its own problems say so
            table = table_of(value)
        missing = [u for u in units(record.case) if u.printed and not u.internal and u.text not in table]
        if not missing:
            continue
        loaded = load_file(base.root / record.path, record.path)
        target = translation_path(Path(record.path), lang).name
        for unit in missing:
            message = f"no {LANGUAGE_NAMES.get(lang, lang)} for the {unit.what} (add it to {target})"
            out.append(Problem.at(loaded, unit.path, "untranslated", message))
    out.extend(_data_gaps(base, lang))
    return out


def _data_gaps(base: CaseBase, lang: str) -> list[Problem]:
    """Violation labels, verbs, countries and the signatory's title without the French a French
    document prints."""
    if lang != "fr":
        return []
    from ipu_cli.store.yamlload import load_file

    ref = base.reference
    out: list[Problem] = []
    checks: list[tuple[str, str, str, Any]] = [
        (
            "violations.yaml",
            "categories",
            "code",
            lambda code: (
                None
                if code not in ref.violations or ref.violations[code].label_fr
                else f"no French label (label_fr) for violation '{code}'"
            ),
        ),
        (
            "verbs.yaml",
            "verbs",
            "verb",
            lambda verb: (
                None
                if verb not in ref.verbs or ref.verbs[verb].fr
                else f"no French (fr) for the verb '{verb}'"
            ),
        ),
        (
            "countries.yaml",
            "countries",
            "code",
            lambda code: (
                None
                if code not in ref.countries or not ref.missing_french(code)
                else f"no French {' or '.join(ref.missing_french(code))} for {code} ({ref.country_name(code)})"
            ),
        ),
    ]
    for name, field, key_name, gap in checks:
        loaded = load_file(base.root / DATA / name, f"{DATA}/{name}")
        rows = (loaded.data if isinstance(loaded.data, dict) else {}).get(field) or []
        for index, row in enumerate(rows):
            message = gap(row.get(key_name)) if isinstance(row, dict) else None
            if message:
                out.append(Problem.at(loaded, (field, index), "untranslated", message))
    if ref.secretariat is not None and not ref.secretariat.signatory.title_fr:
        loaded = load_file(base.root / DATA / "secretariat.yaml", f"{DATA}/secretariat.yaml")
        message = "no French title (title_fr) for the signatory of letters"
        out.append(Problem.at(loaded, ("signatory", "title"), "untranslated", message))
    return out
