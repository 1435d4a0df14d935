"""Writing documents: one file, or a batch of them (`--all`), complete or not at all.

The batch policy, for every command that writes many documents: render
everything first; if any document fails, write nothing and say which; else
prepare the folder (existing files are replaced only with `force`), write each
document atomically, then the index. Recording letters as sent (`--log`)
happens after the whole batch is written, by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipu_cli.domain.words import counted, plural
from ipu_cli.errors import IpuError, UsageError


@dataclass
class Rendered:
    """One document of a batch: its file name, its content, its warnings, what it was made from."""

    name: str
    document: str | bytes
    warnings: list[str] = field(default_factory=list)
    source: Any = None


@dataclass
class Batch:
    """Every document of a batch, the notes about what was left out, and the failures."""

    documents: list[Rendered] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[IpuError] = field(default_factory=list)

    def add(self, render: Callable[[], Rendered], label: str) -> None:
        """Render one document; a failure is kept (with `label`), never raised here."""
        try:
            self.documents.append(render())
        except IpuError as exc:
            if not exc.message.startswith(label):
                exc.message = f"{label}: {exc.message}"
            self.failures.append(exc)

    def print_pdf(self) -> None:
        """Turn every document (Word bytes) into PDF, in one LibreOffice run (`documents/pdf.py`).

        Runs before anything is written: a conversion that fails refuses the whole batch.
        """
        from ipu_cli.documents.pdf import docx_to_pdf

        if self.failures or not self.documents:
            return
        pdfs = docx_to_pdf({item.name: item.document for item in self.documents})  # type: ignore[misc]
        for item in self.documents:
            item.document = pdfs[item.name]

    def refuse_if_failed(self, what: str) -> None:
        """Raise (nothing written) when any document failed; the problems of each are kept.

        `what` is the singular noun of one document ("decision", "letter").
        """
        if self.failures:
            problems = [p for exc in self.failures for p in exc.problems]
            details = [exc.message for exc in self.failures]
            count = len(self.failures)
            raise IpuError(
                f"{counted(count, what)} could not be made; nothing written", problems, details=details
            )


def write_document(path: Path, document: str | bytes, *, force: bool = False) -> None:
    """Write one document atomically; a one-line error (never a traceback) when it cannot be.

    Every document, chart and report a command writes with `-o` comes through here:
    an existing file is replaced only with `force`, and a link, a device or a
    FIFO never is (`store.atomic.check_target`, exit 2).
    """
    from ipu_cli.store.atomic import check_target, write_bytes

    check_target(path, force=force)
    try:
        write_bytes(path, document.encode("utf-8") if isinstance(document, str) else document)
    except OSError as exc:
        raise IpuError(f"cannot write {path}: {exc.strerror or exc}") from None


def prepare_folder(folder: Path, names: Iterable[str], force: bool) -> None:
    """The output folder of a batch: created if missing; its files replaced only with `force`."""
    from ipu_cli.store.atomic import refuse_special

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; --all writes into a folder")
    for name in names:
        refuse_special(folder / name)
    clashes = [name for name in names if (folder / name).exists()]
    if clashes and not force:
        if len(clashes) == 1:
            raise UsageError(f"{folder / clashes[0]} already exists; use --force to replace it")
        raise UsageError(
            f"{folder / clashes[0]} and {len(clashes) - 1} more {plural(len(clashes) - 1, 'file')} already exist;"
            " use --force to replace them"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IpuError(f"cannot create folder {folder}: {exc.strerror or exc}") from None


def write_batch(folder: Path, batch: Batch, index: tuple[str, str], force: bool, what: str) -> None:
    """Write a whole batch and its index (name, text), or nothing when any document failed.

    `what` is the singular noun of one document ("decision", "letter").
    """
    batch.refuse_if_failed(what)
    index_name, index_text = index
    prepare_folder(folder, [item.name for item in batch.documents] + [index_name], force)
    for item in batch.documents:
        write_document(folder / item.name, item.document, force=force)
    write_document(folder / index_name, index_text, force=force)
