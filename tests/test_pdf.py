"""PDF: the Word document printed by LibreOffice, complete or not written; the sample pages.

Most tests stand a small script in for LibreOffice (`$IPU_SOFFICE`), so they run
anywhere and fast; the last renders the samples with the real LibreOffice and looks at
the pages, and is skipped, saying why, where LibreOffice is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NO_CONVERTER = (
    "ipu: PDF needs LibreOffice to print the Word document, and none was found: install LibreOffice "
    "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; "
    "Windows: libreoffice.org), or write .docx and print it from Word\n"
)
FAKE = """#!{python}
# Stands in for LibreOffice: `--outdir DIR FILE.docx...` -> DIR/FILE.pdf, holding the Word bytes' size.
import sys, pathlib
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
{body}
"""
WORKS = """for name in [a for a in args if a.endswith(".docx")]:
    source = pathlib.Path(name)
    (out / (source.stem + ".pdf")).write_bytes(b"%PDF-1.4 fake " + str(source.stat().st_size).encode())
"""
FAILS = """sys.stderr.write("Error: source file could not be loaded\\n")
sys.exit(1)
"""


def _converter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text(FAKE.format(python=sys.executable, body=body), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("IPU_SOFFICE", str(script))
    return script


@pytest.mark.parametrize(
    "args",
    [
        ["draft-decision", "KHM-COLL-03", "--session", "180"],
        ["draft-letter", "KHM-COLL-03", "--to", "authorities"],
    ],
)
def test_no_libreoffice_names_what_to_install(repo, ipu, tmp_path, monkeypatch, args) -> None:
    monkeypatch.delenv("IPU_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    out.mkdir()
    for extra in (["-o", str(out / "x.pdf")], ["-o", str(out / "x"), "--format", "pdf"]):
        result = ipu(*args, *extra)
        assert (result.code, result.out, result.err) == (1, "", NO_CONVERTER)
    assert list(out.iterdir()) == []
    result = ipu(*args, "--format", "pdf")
    assert (result.code, result.out, result.err) == (2, "", "ipu: PDF output is a file: give -o FILE.pdf\n")


def test_pdf_is_the_word_document_printed(repo, ipu, tmp_path, monkeypatch) -> None:
    _converter(tmp_path, monkeypatch, WORKS)
    word, pdf = tmp_path / "d.docx", tmp_path / "d.pdf"
    assert ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(word)).code == 0
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(pdf))
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith(f"ipu: wrote {pdf}\n")
    assert pdf.read_bytes() == b"%PDF-1.4 fake " + str(word.stat().st_size).encode()
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(pdf))
    assert (result.code, result.err.splitlines()[-1]) == (
        2,
        f"ipu: {pdf} already exists; use --force to replace it",
    )


def test_a_batch_is_printed_together(repo, ipu, tmp_path, monkeypatch) -> None:
    _converter(tmp_path, monkeypatch, WORKS)
    folder = tmp_path / "letters"
    result = ipu("draft-letter", "--all", "--session", "179", "--format", "pdf", "-o", str(folder))
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith(f"ipu: wrote 2 letters and index.md to {folder}\n")
    assert sorted(p.name for p in folder.iterdir()) == [
        "KHM-COLL-03-authorities.pdf",
        "KHM-COLL-03-complainant.pdf",
        "index.md",
    ]
    assert all(p.read_bytes().startswith(b"%PDF-1.4 fake ") for p in folder.glob("*.pdf"))


def test_a_failed_conversion_writes_nothing(repo, ipu, tmp_path, monkeypatch) -> None:
    _converter(tmp_path, monkeypatch, FAILS)
    target = tmp_path / "out" / "d.pdf"
    target.parent.mkdir()
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "-o", str(target))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "ipu: LibreOffice could not convert decision to PDF: Error: source file could not be loaded; "
        "nothing written\n"
    )
    folder = tmp_path / "drafts"
    result = ipu("draft-decision", "--all", "--session", "180", "--format", "pdf", "-o", str(folder))
    assert result.code == 1
    assert result.err.endswith(
        "ipu: LibreOffice could not convert KHM-COLL-03-committee-180.pdf to PDF: "
        "Error: source file could not be loaded; nothing written\n"
    )
    assert list(target.parent.iterdir()) == [] and not folder.exists()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext") and shutil.which("pdfinfo")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)
@pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed (apt-get install poppler-utils)")
def test_make_samples_renders_pages(tmp_path) -> None:
    """`make samples` on the decision draft: a real PDF of A4 pages, DRAFT and the page number on
    every page, the case list in two columns, and one PNG per page."""
    env = {k: v for k, v in os.environ.items() if k not in ("IPU_ROOT", "IPU_TODAY", "IPU_SOFFICE")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "samples.py"),
            "--only",
            "decision-draft",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "decision-draft.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 2
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M)
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == "D R A F T" or lines[0] == "DRAFT", (page, lines[:2])
        assert lines[-1] == str(page)
        if page == 1:
            assert re.search(r"KHM-48 - Mu Sochua \(Ms\.\)\s{2,}KHM-76 - Ky Wandara", text)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        f"decision-draft-page-{n}.png" for n in range(1, pages + 1)
    ]
    assert f"decision-draft.pdf: {pages} pages" in done.stdout
