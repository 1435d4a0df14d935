"""`ipu untranslated`: the texts of a case file that have no translation yet, as pairs to paste.

A translator works in the translation file (`cases/KHM/KHM-60.fr.yaml`), whose
pairs are found by their English text: `missing_pairs` gives every text a
decision or letter prints that has none yet, as `- en: ... / fr:` items ready
for its `texts` list, with the wording of the standard admissibility paragraphs
already filled in from `templates/admissibility.<lang>.md.j2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.labels import LANGUAGE_NAMES
from ipu_cli.domain.translations import Unit, key, table_of
from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase


@dataclass
class MissingPairs:
    """What `ipu untranslated` prints: YAML pairs ready for the translation file, and where they go."""

    text: str
    count: int
    case_file: str
    target: str
    exists: bool
    waiting: int = 0
    """Texts already in the translation file whose `fr` is still empty (not printed again)."""


def missing_pairs(base: CaseBase, case: Any, lang: str, root: Path) -> MissingPairs:
    """The texts of `case`'s file that a `lang` decision or letter prints and that have no `lang`
    translation, as `- en: ... / fr:` pairs to append to the translation file's `texts` (the
    whole file when there is none). The standard admissibility paragraphs come with their
    wording in `lang` already (`templates/admissibility.<lang>.md.j2`); the others are empty.
    """
    from ipu_cli.checks.translationfiles import usable_translation
    from ipu_cli.domain.translations import units
    from ipu_cli.store.paths import translation_path
    from ipu_cli.store.textedit import render_item

    record = base.record(case.id)
    if record is None:
        raise IpuError(f"no case {case.id}")
    target = translation_path(Path(record.path), lang).as_posix()
    exists = target in base.translations
    listed: set[str] = set()
    table: dict[str, str] = {}
    if exists:
        value = usable_translation(base.root, target)
        listed = {key(pair.en) for pair in value.texts}
        table = table_of(value)
    known = _standard_paragraphs(base, case, lang, root)
    wanted: dict[str, Unit] = {}
    waiting: set[str] = set()
    for unit in units(case):
        if unit.printed and not unit.internal and unit.text not in table:
            if unit.text in listed:
                waiting.add(unit.text)
            else:
                wanted.setdefault(unit.text, unit)
    lines: list[str] = []
    if not exists and wanted:
        lines += [
            "# yaml-language-server: $schema=../../schemas/translation.schema.json\n",
            f"# {LANGUAGE_NAMES.get(lang, lang)} texts of {Path(record.path).name} (docs/translations.md).\n",
            "status: unofficial\n",
            "texts:\n",
        ]
    for text, unit in wanted.items():
        lines.append(f"  # {unit.what}\n")
        if text in known:
            lines += render_item({"en": text, lang: known[text]}, 2)
        else:
            lines += [*render_item({"en": text}, 2), f"    {lang}:\n"]
        if unit.prose:
            lines.append(
                "    prose:  # with its article, for running text: le Sénat, l'Assemblée nationale\n"
            )
    return MissingPairs("".join(lines), len(wanted), record.path, target, exists, len(waiting))


def _standard_paragraphs(base: CaseBase, case: Any, lang: str, root: Path) -> dict[str, str]:
    """The admissibility paragraphs' wording in `lang`, for a case whose complaint was found admissible."""
    from ipu_cli.domain.complaints import findings_of

    findings = findings_of(getattr(case, "complaint", None))
    if findings is None:
        return {}
    from ipu_cli.documents.admissibility import translations

    try:
        return translations(case, base, findings, root, lang)
    except IpuError:
        return {}
