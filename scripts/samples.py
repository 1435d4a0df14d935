"""Render the sample documents to Word, HTML, PDF and PNG pages, to look at them as a reader would.

`make samples` (or `python scripts/samples.py [--only NAME] [--out DIR]`) writes into
`samples/` (git-ignored), for each sample: NAME.docx, NAME.html, NAME.pdf (the Word
document printed by LibreOffice, through `ipu ... -o NAME.pdf`) and NAME-page-N.png
(pdftoppm). Today is pinned to 2026-03-01, as in the tests, so the samples are the
documents the golden files describe.

Samples: a decision draft and an adopted decision on the bundled base (KHM-COLL-03),
a Governing Council decision from the synthetic base (tests/synthetic), and a letter;
the adopted decision and the letter in French too.
LibreOffice is needed for the PDF (Debian/Ubuntu: apt-get install
libreoffice-writer-nogui), poppler-utils for the PNG pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-03-01"
SAMPLES: dict[str, tuple[str, list[str]]] = {
    # name: (base, ipu arguments without -o)
    "decision-draft": ("bundled", ["draft-decision", "KHM-COLL-03", "--session", "180"]),
    "decision-adopted": ("bundled", ["draft-decision", "KHM-COLL-03", "--session", "179", "--adopted"]),
    "governing-council": (
        "synthetic",
        ["draft-decision", "PHL-08", "--session", "governing-council-215", "--adopted"],
    ),
    "letter": ("bundled", ["draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179"]),
    "decision-adopted-fr": (
        "bundled",
        ["draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "--lang", "fr"],
    ),
    "letter-fr": (
        "bundled",
        ["draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179", "--lang", "fr"],
    ),
}


def _base(kind: str, folder: Path) -> Path:
    """A scratch case repository: the bundled cases and data, or the synthetic base."""
    target = folder / kind
    if target.exists():
        return target
    if kind == "bundled":
        for name in ("cases", "data"):
            shutil.copytree(ROOT / name, target / name)
        return target
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import synthetic_base  # the test fixture's own base

    return synthetic_base(target)


def _ipu(root: Path, args: list[str], said: set[str]) -> None:
    env = {**os.environ, "IPU_ROOT": str(root), "IPU_TODAY": TODAY}
    done = subprocess.run([sys.executable, "-m", "ipu_cli", *args], env=env, capture_output=True, text=True)
    for line in done.stderr.splitlines():
        if not line.startswith("ipu: wrote") and line not in said:
            said.add(line)
            print(f"  {line}")
    if done.returncode != 0:
        raise SystemExit(f"samples: 'ipu {' '.join(args)}' failed (exit {done.returncode})")


def render(names: list[str], out: Path) -> list[Path]:
    """Write every format of each sample into `out`; the files written, PNG pages last."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        raise SystemExit(
            "samples: LibreOffice is not installed (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"
        )
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ipu-samples-") as scratch:
        for name in names:
            kind, args = SAMPLES[name]
            root = _base(kind, Path(scratch))
            print(f"{name}: ipu {' '.join(args)}")
            said: set[str] = set()  # the same warnings for every format: print them once
            for extension in ("docx", "html", "pdf"):
                target = out / f"{name}.{extension}"
                _ipu(root, [*args, "-o", str(target), "--force"], said)
                written.append(target)
            for old in out.glob(f"{name}-page-*.png"):
                old.unlink()
            if shutil.which("pdftoppm") is None:
                print(
                    "  no PNG pages: pdftoppm is not installed (Debian/Ubuntu: apt-get install poppler-utils)"
                )
                continue
            subprocess.run(
                ["pdftoppm", "-r", "80", "-png", str(out / f"{name}.pdf"), str(out / f"{name}-page")],
                check=True,
            )
            pages = sorted(out.glob(f"{name}-page-*.png"))
            written += pages
            print(f"  {name}.pdf: {len(pages)} pages -> {', '.join(p.name for p in pages)}")
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(SAMPLES), help="render only this sample")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "samples", help="folder to write (default samples/)"
    )
    options = parser.parse_args(argv)
    render(options.only or list(SAMPLES), options.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
