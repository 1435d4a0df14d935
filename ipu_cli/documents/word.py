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
_PAGE_BREAK = "<!-- page-break -->"
_ANCHOR = re.compile(r'^<a id="([A-Za-z][\w-]*)"></a>$')
_PAGE_NUMBER = re.compile(r"\t#$")
"""A contents line's page reference before the word processor fills it in."""
_LINK = re.compile(r"^\[(.+)\]\(#([A-Za-z][\w-]*)\)$")


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) blocks: heading1..4, number, bullet, bullet2, check, rule, para; and for a
    booklet: pagebreak (`<!-- page-break -->`), anchor (`<a id="x"></a>`: text is the id) and
    contents (`- [label](#x)`: text is "x label")."""
    out: list[tuple[str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(("para", " ".join(para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if stripped == _PAGE_BREAK:
            flush()
            out.append(("pagebreak", ""))
            continue
        anchor = _ANCHOR.match(stripped)
        if anchor:
            flush()
            out.append(("anchor", anchor.group(1)))
            continue
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
            link = _LINK.match(text)
            if link and not bullet.group(1):
                out.append(("contents", f"{link.group(2)} {link.group(1)}"))
                continue
            kind = "check" if text.startswith("✓") else "bullet2" if bullet.group(1) else "bullet"
            out.append((kind, text))
        else:
            para.append(stripped)
    flush()
    return out


def markdown_plain_lines(markdown: str) -> list[str]:
    """The text of a rendered Markdown document, one entry per block, markup and escapes removed."""
    from ipu_cli.domain.markup import plain_text

    out = []
    for kind, text in _blocks(markdown):
        if kind == "contents":
            out.append(plain_text(text.split(" ", 1)[1]))
        elif kind not in ("rule", "pagebreak", "anchor"):
            out.append(plain_text(text))
    return out


def docx_plain_lines(data: bytes) -> list[str]:
    """The body paragraphs of a .docx, one entry each (empty paragraphs skipped)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [_PAGE_NUMBER.sub("", p.text) for p in document.paragraphs if p.text.strip()]


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
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
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
    bookmark: str | None = None
    bookmarks = 0
    for kind, text in _blocks(markdown):
        if kind == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if kind == "anchor":
            bookmark = text
            continue
        if kind == "contents":
            target, label = text.split(" ", 1)
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                section.page_width - section.left_margin - section.right_margin,
                WD_TAB_ALIGNMENT.RIGHT,
                WD_TAB_LEADER.DOTS,
            )
            _runs(paragraph, label)
            paragraph.add_run("\t")
            _page_reference(paragraph, target)
            continue
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
        if bookmark is not None:  # the anchor names the first paragraph after it
            bookmarks += 1
            _bookmark(document.paragraphs[-1], bookmark, bookmarks)
            bookmark = None
    if bookmarks:
        _update_fields_on_open(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    """Mark `paragraph` as bookmark `name` (what a contents line's page reference points to)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _page_reference(paragraph: Any, name: str) -> None:
    """A PAGEREF field to bookmark `name`: the word processor fills in the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field_char(kind: str) -> Any:
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
        return run

    instruction = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" PAGEREF {name} \\h "
    instruction.append(text)
    shown = OxmlElement("w:r")
    value = OxmlElement("w:t")
    value.text = "#"  # until the fields are updated (Word asks on opening; LibreOffice computes it)
    shown.append(value)
    for element in (field_char("begin"), instruction, field_char("separate"), shown, field_char("end")):
        paragraph._p.append(element)


def _update_fields_on_open(document: Any) -> None:
    """Ask the word processor to update fields (the contents' page numbers) when it opens the file."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
