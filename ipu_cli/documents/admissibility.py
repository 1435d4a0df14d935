"""The standard paragraphs of a first decision on a complaint found admissible.

When the Committee finds a complaint admissible, its first decision records,
in a few standard paragraphs, what admissibility rests on: a qualified
complainant (the section of the Procedure), a victim who was a sitting member
of parliament (or member-elect) when the alleged violations occurred or
began, allegations within the Committee's mandate; then that the complaint is
admissible. The wording is a template the secretariat edits
(`templates/admissibility.<lang>.md.j2`, one file per language); this module
gives it the findings and reads its paragraphs back, so that `ipu complaint
... admissible` can start the case's draft with them, and `ipu untranslated`
can offer their French (`translations`) to the case's translation file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.documents.environment import TemplateError, render_text
from ipu_cli.domain.casebox import complainant_sections
from ipu_cli.domain.ids import id_key
from ipu_cli.domain.translations import MARK
from ipu_cli.domain.visibility import covered_members
from ipu_cli.errors import IpuError

if TYPE_CHECKING:
    from ipu_cli.domain.cases import Findings
    from ipu_cli.store.casebase import CaseBase

_OPENING = re.compile(r"^\*([^*]+)\*\s*(.*)$", re.S)


def template_name(lang: str) -> str:
    return f"admissibility.{lang}.md.j2"


def context(case: Any, base: CaseBase, findings: Findings, lang: str = "en") -> dict[str, Any]:
    """What the template prints: the victims, the complainant's sections and the findings.

    In another language, the parliament's name comes from the case's translation file
    (French: with its article, "l'Assemblée nationale"), the country is its prose form with
    its article ("le Cambodge"), and the allegations are the checklist's labels in it.
    """
    if case.complaint is None:
        raise IpuError(f"{case.id} records no complaint")
    if lang != "en":
        from ipu_cli.documents.localise import Localised

        case = Localised(lang).case(base, case)
    ref = base.reference
    members = covered_members(case, base, include_confidential=True)
    # In the order of data/violations.yaml, as the checklist prints them.
    found = set(findings.allegations) or {v.code for mp in members for v in mp.violations}
    order = {code: index for index, code in enumerate(ref.violations)}
    codes = sorted(found, key=lambda c: (order.get(c, len(order)), c))
    if not codes:
        raise IpuError(
            f"{case.id}: no allegations to name: record the MPs' violations, or the findings' allegations"
        )
    return {
        "victims": [
            {"id": mp.id, "name": mp.name, "sex": mp.sex}
            for mp in sorted(members, key=lambda m: id_key(m.id))
        ],
        "count": len(members),
        "lang": lang,
        "parliament": case.parliament,
        "country": ref.country_prose(case.country, lang),
        "sections": complainant_sections(case.complaint.sections, lang),
        "mandate": findings.mandate,
        "began": findings.began,
        "allegations": [ref.violation_label(code, lang) for code in codes],
    }


def paragraphs(
    case: Any, base: CaseBase, findings: Findings, root: Path, lang: str = "en"
) -> list[dict[str, Any]]:
    """The paragraphs as the draft block holds them: [{verb, text, items?}]."""
    text = render_text(template_name(lang), context(case, base, findings, lang), root)
    return parse(text, template_name(lang))


def translations(case: Any, base: CaseBase, findings: Findings, root: Path, lang: str) -> dict[str, str]:
    """The standard paragraphs' English texts (and sub-items) -> their `lang` wording, from the two
    templates rendered with the same findings; empty when `lang` has no template.

    The two templates must give the same paragraphs and sub-items, in the same order.
    """
    from ipu_cli.documents.environment import template_dirs
    from ipu_cli.domain.translations import key

    if not any((folder / template_name(lang)).is_file() for folder in template_dirs(root)):
        return {}
    english = paragraphs(case, base, findings, root)
    other = paragraphs(case, base, findings, root, lang)
    shape = [len(p.get("items", [])) for p in english]
    if shape != [len(p.get("items", [])) for p in other]:
        raise TemplateError(
            f"templates/{template_name(lang)} does not give the paragraphs and sub-items of "
            f"templates/{template_name('en')} in the same order"
        )
    pairs = {}
    for en, tr in zip(english, other, strict=True):
        pairs[key(en["text"])] = tr["text"]
        for item_en, item_tr in zip(en.get("items", []), tr.get("items", []), strict=True):
            pairs[key(item_en)] = item_tr
    # A paragraph naming a text that has no translation yet (the parliament) is not offered.
    return {en: tr for en, tr in pairs.items() if MARK not in tr.replace("\\", "")}


def parse(text: str, name: str) -> list[dict[str, Any]]:
    """Paragraphs from the template's text: blocks opened by `*Verb*`, sub-items on `- ` lines."""
    out: list[dict[str, Any]] = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        head: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                items.append(line[2:].strip())
            elif items:
                items[-1] += " " + line
            else:
                head.append(line)
        match = _OPENING.match(" ".join(head))
        if not match or not match.group(2):
            raise TemplateError(
                f"templates/{name}: a paragraph must open with *Verb* and text: '{lines[0][:60]}'"
            )
        paragraph: dict[str, Any] = {"verb": match.group(1).strip(), "text": match.group(2).strip()}
        if items:
            paragraph["items"] = items
        out.append(paragraph)
    if not out:
        raise TemplateError(f"templates/{name} renders no paragraph")
    return out


def sample_contexts(base: CaseBase) -> Iterator[tuple[str, dict[str, Any]]]:
    """For `ipu templates check`: every case holding a complaint, with its findings or sitting MPs."""
    from ipu_cli.domain.cases import Findings
    from ipu_cli.domain.complaints import findings_of
    from ipu_cli.domain.groups import holds_own_case

    for case in base.cases():
        if case.complaint is None or not holds_own_case(case):
            continue
        findings = findings_of(case.complaint) or Findings(mandate="sitting")
        try:
            yield f"{case.id} admissibility", context(case, base, findings)
        except IpuError:
            continue
