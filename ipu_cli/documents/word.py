"""Word documents from the small Markdown dialect the templates write.

python-docx has no footnote API: footnote markers are the Unicode superscripts
(¹ ² ³) the Markdown carries, and the notes are ordinary paragraphs, exactly
where the Markdown puts them.

Data in that Markdown is backslash-escaped (`domain/markup.py`), so an escaped
line never starts a heading or a list and escaped asterisks are never bold or
italic: runs are read with `markup.inline_runs`, which the Word side shares.
"""

from __future__ import annotations

import io
import re
from typing import Any

_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
_BULLET = re.compile(r"^(\s*)-\s+(.*)$")
_BANNERS = ("**DRAFT**", "**CONFIDENTIAL**", "**PROJET**", "**CONFIDENTIEL**")


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) blocks: heading1..4, number, bullet, bullet2, check, rule, para."""
    out: list[tuple[str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(("para", " ".join(para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->")):
            flush()
            continue
        if stripped in ("---", "***"):
            flush()
            out.append(("rule", ""))
            continue
        heading = _HEADING.match(line)
        numbered = _NUMBERED.match(line)
        bullet = _BULLET.match(line)
        if heading:
            flush()
            out.append((f"heading{len(heading.group(1))}", heading.group(2).strip()))
        elif numbered:
            flush()
            out.append(("number", numbered.group(1)))
        elif bullet:
            flush()
            text = bullet.group(2)
            kind = "check" if text.startswith("✓") else "bullet2" if bullet.group(1) else "bullet"
            out.append((kind, text))
        else:
            para.append(stripped)
    flush()
    return out


def markdown_plain_lines(markdown: str) -> list[str]:
    """The text of a rendered Markdown document, one entry per block, markup and escapes removed."""
    from ipu_cli.domain.markup import plain_text

    return [plain_text(text) for kind, text in _blocks(markdown) if kind != "rule"]


def docx_plain_lines(data: bytes) -> list[str]:
    """The body paragraphs of a .docx, one entry each (empty paragraphs skipped)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.text.strip()]


def _runs(paragraph: Any, text: str) -> None:
    from ipu_cli.domain.markup import inline_runs

    for piece, bold, italic in inline_runs(text):
        run = paragraph.add_run(piece)
        if bold:
            run.bold = True
        if italic:
            run.italic = True


def markdown_to_docx(markdown: str, page_banner: str | None = None) -> bytes:
    """A Word document from the Markdown dialect of the templates.

    Headings become Word headings, "1." items the built-in numbered list, "- "
    items bullets, "   - " items second-level bullets, "- ✓" items an indented
    checklist, *x* italic runs and **x** bold runs. `page_banner` (DRAFT,
    CONFIDENTIAL) goes into the header of every page, in red capitals.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    if page_banner:
        banner = section.header.paragraphs[0]
        banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = banner.add_run(page_banner)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    styles = {
        "number": "List Number",
        "bullet": "List Bullet",
        "bullet2": "List Bullet 2",
    }
    for kind, text in _blocks(markdown):
        if kind.startswith("heading"):
            paragraph = document.add_heading(level=int(kind[-1]))
            _runs(paragraph, text)
        elif kind in styles:
            paragraph = document.add_paragraph(style=styles[kind])
            _runs(paragraph, text)
        elif kind == "check":
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.6)
            paragraph.paragraph_format.space_after = Pt(0)
            _runs(paragraph, text)
        elif kind == "rule":
            document.add_paragraph().paragraph_format.space_after = Pt(6)
        else:
            paragraph = document.add_paragraph()
            _runs(paragraph, text)
            if text in _BANNERS:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
