"""A document in another language than the case files': their texts from the translation files.

`localise` gives a decision or a letter the case (and each member) as a copy
whose texts are in the document's language, from the case's translation file
(`domain/translations.py` says how texts are matched); a text without a
translation stays English, marked [EN]. Once the document's context is built,
`Localised.report` names every marked text the document actually prints,
located in its case file, and every row of `data/` it prints without the
language (a violation's `label_fr`, a verb's `fr`, a country's French names, the
signatory's `title_fr`): the command prints them on stderr, so a mix of languages
is never silent. A translation file that cannot be read refuses the document
(complete or refused), with its located problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.labels import LABELS, LANGUAGE_NAMES
from ipu_cli.domain.translations import MARK, Unit, prose_of, table_of, translated

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase


@dataclass
class Localised:
    """The texts of one document's cases in its language, and what could not be given in it."""

    lang: str
    missing: list[tuple[str, Unit]] = field(default_factory=list)
    """(case file, unit) of every text left in English."""
    unofficial: bool = False
    data_gaps: list[str] = field(default_factory=list)
    _tables: dict[str, tuple[dict[str, str], dict[str, str]]] = field(default_factory=dict)

    def case(self, base: CaseBase, case: Any) -> Any:
        """`case` with its texts in the document's language (itself in English)."""
        if self.lang == "en":
            return case
        record = base.record(case.id)
        if record is None:
            return case
        table, prose = self._table(base, record.path)
        copy, missing = translated(case, table, prose)
        self.missing.extend((record.path, unit) for unit in missing)
        return copy

    def _table(self, base: CaseBase, case_path: str) -> tuple[dict[str, str], dict[str, str]]:
        if case_path in self._tables:
            return self._tables[case_path]
        from ipu_cli.checks.translationfiles import usable_translation
        from ipu_cli.store.paths import translation_path

        shown = translation_path(Path(case_path), self.lang).as_posix()
        table: dict[str, str] = {}
        prose: dict[str, str] = {}
        if shown in base.translations:
            value = usable_translation(base.root, shown, f"cannot make the document in '{self.lang}': ")
            table, prose = table_of(value), prose_of(value)
            self.unofficial = self.unofficial or (value.status == "unofficial" and bool(table))
        self._tables[case_path] = (table, prose)
        return table, prose

    def country(self, ref: Any, code: str) -> None:
        """Note a country whose French names the data lacks."""
        if self.lang == "fr":
            for name in ref.missing_french(code):
                self.data_gaps.append(
                    f"data/countries.yaml: {code} has no {name}; printed in English, marked {MARK}"
                    if name == "name_fr"
                    else f"data/countries.yaml: {code} has no {name}; printed without its article"
                )

    def violations(self, ref: Any, codes: list[str]) -> None:
        """Note the checklist's categories that have no label in the document's language."""
        if self.lang == "fr":
            for code in codes:
                category = ref.violations.get(code)
                if category is not None and not category.label_fr:
                    self.data_gaps.append(
                        f"data/violations.yaml: violation '{code}' has no label_fr; printed in English, "
                        f"marked {MARK}"
                    )

    def verbs(self, ref: Any, verbs: list[str]) -> None:
        """Note the operative verbs that have no French."""
        if self.lang == "fr":
            for verb in dict.fromkeys(verbs):
                known = ref.verbs.get(verb)
                if known is None or not known.fr:
                    where = "data/verbs.yaml" if known is not None else "not in data/verbs.yaml"
                    self.data_gaps.append(
                        f"verb '{verb}' has no French ({where}); printed in English, marked {MARK}"
                    )

    def signatory(self, signatory: Any) -> None:
        """Note a signatory whose title has no French."""
        if self.lang == "fr" and not signatory.title_fr:
            self.data_gaps.append(
                f"data/secretariat.yaml: the signatory has no title_fr; printed in English, marked {MARK}"
            )

    @property
    def note(self) -> str | None:
        """What the document says of its translation: "Traduction non officielle", or nothing."""
        return LABELS[self.lang]["unofficial"] if self.unofficial else None

    def report(self, base: CaseBase, context: dict[str, Any]) -> list[str]:
        """The warnings of a built document: each text it prints in English, located; data gaps."""
        if self.lang == "en":
            return []
        printed = "\n".join(_strings(context))
        out = list(dict.fromkeys(self.data_gaps))
        seen: set[tuple[str, str]] = set()
        files: dict[str, Any] = {}
        for path, unit in self.missing:
            if f"{MARK} {unit.text}" not in printed or (path, unit.text) in seen:
                continue
            seen.add((path, unit.text))
            where = _where(base, path, unit, files)
            language = LANGUAGE_NAMES.get(self.lang, self.lang)
            out.append(f"{where}: no {language} for the {unit.what}; printed in English, marked {MARK}")
        return out


def _where(base: CaseBase, path: str, unit: Unit, files: dict[str, Any]) -> str:
    from ipu_cli.store.yamlload import load_file

    if path not in files:
        files[path] = load_file(base.root / path, path)
    line, column = files[path].where(unit.path)
    return f"{path}:{line}:{column}"


def _strings(value: Any) -> list[str]:
    """Every text of a document context (nested dicts and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []
