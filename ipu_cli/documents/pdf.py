"""PDF from the Word document, through LibreOffice when it is installed.

A decision or letter in PDF is its Word document printed by LibreOffice
(`soffice --headless --convert-to pdf`): the pages are those Word shows, with the
template's styles, footnotes at the page foot, numbered paragraphs, the page mark
in every header. Chromium printing the HTML was the other way; the Word route
keeps one page layout for Word and PDF.

The conversion runs in a temporary folder with a profile of its own (two runs at
once do not share LibreOffice's lock), so nothing half-written ever reaches the
output: the caller writes the bytes returned atomically. Nothing reaches the
network: LibreOffice converts locally.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ipu_cli.errors import IpuError

CONVERTERS = ("soffice", "libreoffice")
TIMEOUT = 300
INSTALL = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "macOS: brew install --cask libreoffice; Windows: libreoffice.org), or write .docx and print it from Word"
)


class PdfError(IpuError):
    """No PDF can be made: no converter, or the conversion failed."""


def converter() -> str | None:
    """The LibreOffice program on PATH, if any (`$IPU_SOFFICE` names another)."""
    named = os.environ.get("IPU_SOFFICE")
    if named:
        return shutil.which(named)
    return next((found for name in CONVERTERS if (found := shutil.which(name))), None)


def require_converter() -> str:
    """The converter, or PdfError (exit 1) naming what to install."""
    found = converter()
    if found is None:
        raise PdfError(f"PDF needs LibreOffice to print the Word document, and none was found: {INSTALL}")
    return found


def docx_to_pdf(documents: dict[str, bytes]) -> dict[str, bytes]:
    """PDF bytes for each named Word document, converted in one LibreOffice run."""
    program = require_converter()
    with tempfile.TemporaryDirectory(prefix="ipu-pdf-") as folder:
        work = Path(folder)
        sources = []
        for index, data in enumerate(documents.values()):
            source = work / f"document-{index}.docx"
            source.write_bytes(data)
            sources.append(source)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            *map(str, sources),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, cwd=work, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice did not finish converting within {TIMEOUT} s; nothing written"
            ) from None
        except OSError as exc:
            raise PdfError(f"cannot run {program}: {exc.strerror or exc}") from None
        out = {}
        for name, source in zip(documents, sources, strict=True):
            pdf = work / "out" / f"{source.stem}.pdf"
            if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                said = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
                reason = f": {said[-1]}" if said else f" (exit {done.returncode})"
                raise PdfError(f"LibreOffice could not convert {name} to PDF{reason}; nothing written")
            out[name] = pdf.read_bytes()
        return out
