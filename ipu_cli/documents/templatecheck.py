"""`ipu templates check`: render every template against the case base.

A template is checked by rendering it with real contexts built from the case
base (a typo in a variable name fails at once under StrictUndefined) and by
listing, with jinja2.meta, the top-level names it uses that the context does
not provide. Each document kind registers how to build its sample contexts in
`BUILDERS` (document name -> function of the case base); a template whose
document has no builder is reported, not skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipu_cli.domain.words import plural

if TYPE_CHECKING:
    from ipu_cli.store.casebase import CaseBase

Contexts = Iterable[tuple[str, dict[str, Any]]]


def decision_contexts(base: CaseBase) -> Contexts:
    """A draft for every case on every decision-making session's agenda, and every adopted decision."""
    from ipu_cli.documents.decision import agenda, build
    from ipu_cli.errors import IpuError

    sessions = [s for s in base.reference.sessions.values() if s.body != "assembly"]
    for session in sessions:
        for case in agenda(base, session):
            try:
                yield (
                    f"{case.id} draft for {session.ref}",
                    build(base, case, session, include_confidential=True).as_dict(),
                )
            except IpuError:  # a context that cannot be made (an invalid file...): not the template's fault
                continue
    for case in base.cases():
        for decision in case.decisions:
            session = base.reference.session(decision.session) if decision.session else None
            if session is None or session.body == "assembly":
                continue
            try:
                context = build(base, case, session, adopted=True, include_confidential=True)
            except IpuError:  # a context that cannot be made (an invalid file...): not the template's fault
                continue
            yield f"{case.id} adopted at {session.ref}", context.as_dict()


BUILDERS: dict[str, Callable[[CaseBase], Contexts]] = {"decision": decision_contexts}


def _letters() -> None:
    """Letter templates (ipu_cli/letters.py) are checked against every decision of every case."""
    from ipu_cli.documents.letters import PARTIES, sample_contexts

    for party in PARTIES:
        BUILDERS[f"letter-{party}"] = sample_contexts(party)


def _stats() -> None:
    """The statistics chart (ipu_cli/statsvg.py), public and with confidential cases."""
    from ipu_cli.documents.chart import sample_contexts

    BUILDERS["stats"] = sample_contexts


def _admissibility() -> None:
    """The paragraphs of a first decision (ipu_cli/documents/admissibility.py), per case holding a complaint."""
    from ipu_cli.documents.admissibility import sample_contexts

    BUILDERS["admissibility"] = sample_contexts


def _booklet() -> None:
    """A session's booklet (ipu_cli/documents/session_booklet.py), for every session with decisions."""
    from ipu_cli.documents.session_booklet import sample_contexts

    BUILDERS["booklet"] = sample_contexts


_letters()
_stats()
_admissibility()
_booklet()
"""Document name (the part of the template name before the first dot) -> sample contexts.

Layers above documents add their own (the case-file skeletons of `ipu new`,
`ipu_cli.edits.newcase.sample_contexts`) through `check_templates(extra=...)`."""


@dataclass
class TemplateReport:
    name: str
    contexts: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: str | None = None
    via: list[str] = field(default_factory=list)
    """For a base template: the templates that extend it, whose checks cover it."""


def check_templates(
    root: Path, base: CaseBase, extra: dict[str, Callable[[CaseBase], Contexts]] | None = None
) -> list[TemplateReport]:
    """Render every templates/*.j2 with every sample context of its document.

    A template without a builder (or without any context) is marked `skipped`: listed
    as not checked, which is not a failure.
    """
    from ipu_cli.documents.environment import TemplateError, parse, render_text, template_names, undeclared

    parents = _parents(root)
    reports = []
    cache: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name in template_names(root):
        report = TemplateReport(name)
        reports.append(report)
        try:
            parse(name, root)
        except TemplateError as exc:  # unreadable or unparsable: whatever its contexts, with or without any
            report.problems.append(exc.message)
            continue
        document = name.split(".", 1)[0]
        builder = {**BUILDERS, **(extra or {})}.get(document)
        if builder is None and name in parents:
            report.via = sorted(parents[name])
            continue
        if builder is None:
            report.skipped = f"no context builder for document '{document}' (templatecheck.BUILDERS)"
            continue
        if document not in cache:
            cache[document] = list(builder(base))
        for label, context in cache[document]:
            report.contexts += 1
            try:
                missing = undeclared(name, context, root)
            except TemplateError as exc:  # it does not compile: the same for every context
                report.problems.append(exc.message)
                break
            if missing:
                report.problems.append(
                    f"{label}: {plural(len(missing), 'undeclared variable')}: {', '.join(missing)}"
                )
                continue
            try:
                render_text(name, context, root)
            except TemplateError as exc:
                report.problems.append(f"{label}: {exc}")
        if not report.contexts:
            report.skipped = f"no case in the base gives a context for '{document}'"
    reports += _word_reports(root, base, {**BUILDERS, **(extra or {})}, cache)
    return sorted(reports, key=lambda report: report.name)


def _word_reports(
    root: Path,
    base: CaseBase,
    builders: dict[str, Callable[[CaseBase], Contexts]],
    cache: dict[str, list[tuple[str, dict[str, Any]]]],
) -> list[TemplateReport]:
    """The Word templates (templates/decision.docx, letter.docx, and a language's own, such as
    letter.fr.docx): each document of its kinds (decision.docx: decisions and booklets) written
    on it with every sample context (in that language), so a style renamed in Word is found here."""
    from ipu_cli.documents.environment import WORD_TEMPLATES, render_word, template_dirs
    from ipu_cli.domain.labels import LANGS
    from ipu_cli.errors import IpuError

    reports = []
    kinds: dict[str, list[str]] = {}
    for kind, file_name in WORD_TEMPLATES.items():
        kinds.setdefault(file_name, []).append(kind)
    for file_name, written in kinds.items():
        stem, suffix = file_name.rsplit(".", 1)
        for lang in LANGS:
            name = file_name if lang == "en" else f"{stem}.{lang}.{suffix}"
            if lang != "en" and not any((folder / name).is_file() for folder in template_dirs(root)):
                continue  # no template of its own: the language is written on the English one
            report = TemplateReport(name)
            reports.append(report)
            for document in sorted(d for d in builders for k in written if d == k or d.startswith(f"{k}-")):
                if document not in cache:
                    cache[document] = list(builders[document](base))
                for label, context in cache[document]:
                    report.contexts += 1
                    try:
                        render_word(document, {**context, "lang": lang}, root)
                    except IpuError as exc:
                        report.problems.append(f"{label}: {exc.message}")
                        break  # the same template fails the same way for every context
            if not report.contexts and not report.problems:
                report.skipped = f"no case in the base gives a context for '{' or '.join(written)}'"
    return reports


def _parents(root: Path) -> dict[str, set[str]]:
    """Template -> the templates that extend, include or import it (jinja2.meta)."""
    from jinja2 import meta

    from ipu_cli.documents.environment import TemplateError, parse, template_names

    out: dict[str, set[str]] = {}
    for name in template_names(root):
        try:
            tree = parse(name, root)
        except TemplateError:  # reported by the template's own check
            continue
        for used in meta.find_referenced_templates(tree):
            if used:
                out.setdefault(used, set()).add(name)
    return out
