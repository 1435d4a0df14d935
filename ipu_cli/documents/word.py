"""Word documents built from Word templates (`templates/decision.docx`, `templates/letter.docx`).

The template is a reference document, as pandoc's reference.docx: its styles,
numbering definitions, page settings, headers and footers are kept, its body is
cleared, and the document is written paragraph by paragraph with the template's
named styles, from the same context the Markdown and HTML templates print. So the
secretariat restyles decisions and letters in Word itself (fonts, margins,
letterhead, logo) and no code changes; `scripts/word_templates.py` rebuilds the
bundled templates.

What Word does itself is left to Word: operative paragraphs are numbered and their
sub-items lettered by a numbering definition, the checklist's notes are real
footnotes, the page number is a PAGE field, DRAFT / CONFIDENTIAL is in the header of
every section. python-docx has no footnote API: the footnotes part is written here
(python-openxml/python-docx issue #1).

Context values are text: a run holds them as they are; only the `*italics*` of
adopted text (`domain/markup.emphasis_spans`) and the Markdown the letter templates
write for the letter's body (escapes read by `domain/markup.inline_runs`) become
formatting. Every text is set as its language sets it (`style.typeset`: French
typography), and a language whose sub-item letters differ from the template's
("a)" in French, `style.item_letter`) gets them from a copy of its numbering.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ipu_cli.documents import style as house
from ipu_cli.domain.labels import LABELS
from ipu_cli.errors import IpuError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR"}
"""The Word language of a document, from its context's `lang`."""

DECISION_STYLES = (
    "Normal", "heading 1", "heading 2", "footnote text", "footnote reference", "Page Mark",
    "Masthead", "Tagline", "Decision Header", "Case Columns", "Case List", "Checklist", "Case Box", "Box Title",
    "Box Line", "Box Item", "Box Label", "Decision Intro", "Operative Paragraph",
    "Operative Sub-item", "Carried Over",
)  # fmt: skip
LETTER_STYLES = (
    "Normal", "heading 1", "Page Mark", "Date Line", "Addressee", "Reference Line", "Letter Text",
    "Letter List", "Closing", "Signature Name", "Signature Title", "Enclosure Line",
    "Enclosure Heading", "Decision Header", "Decision Intro", "Operative Paragraph", "Operative Sub-item",
)  # fmt: skip
BOOKLET_STYLES = (
    *DECISION_STYLES, "Cover Body", "Cover Title", "Cover Line", "Cover Symbol", "TOC Heading", "toc 1", "toc 2",
)  # fmt: skip
NUMBERED = ("Operative Paragraph", "Operative Sub-item", "Box Item", "Letter List")
"""Styles whose paragraphs Word numbers (or bullets): each needs a numbering definition."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class WordTemplateError(IpuError):
    """The Word template cannot be used (missing, not a Word file, a style ipu needs is gone)."""


class WordDocument:
    """A document being written on a Word template: styles by name, lists, footnotes, marks."""

    def __init__(self, template: Path, lang: str, styles: Iterable[str]) -> None:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        self.template = template
        self.lang = lang
        self._abstracts: dict[str, str] = {}
        try:
            self.document = docx.Document(str(template))
        except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
            raise WordTemplateError(f"{_shown(template)} is not a usable Word document: {exc}") from None
        self.body = self.document.element.body
        self.styles = {
            (s.find(_w("name")).get(_w("val")) or "").casefold(): s
            for s in self.document.styles.element.findall(_w("style"))
            if s.find(_w("name")) is not None
        }
        missing = [name for name in styles if name.casefold() not in self.styles]
        if missing:
            raise WordTemplateError(
                f"{_shown(template)} has no style {', '.join(repr(m) for m in missing)}: add it in Word, "
                "or rebuild the template (make word-templates)"
            )
        for child in list(self.body):
            if child.tag != _w("sectPr"):
                self.body.remove(child)
        self._footnotes = self._footnotes_part()
        self._footnote_ids: list[int] = []
        self.note_marks: int | None = None
        """None: Word numbers the footnotes; else the last footnote number written as its mark."""
        self.set_language(LANGUAGE_TAGS.get(lang, lang))

    # --- styles, paragraphs, runs -------------------------------------------------------

    def style_id(self, name: str) -> str:
        return self.styles[name.casefold()].get(_w("styleId"))

    def paragraph(self, style: str, text: str | None = None, **run: Any) -> Any:
        """A new paragraph at the end of the body in `style`, with `text` in one run."""
        paragraph = self.document.add_paragraph()
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self.style_id(style)
        if text:
            self.run(paragraph, text, **run)
        return paragraph

    def typeset(self, text: str) -> str:
        """`text` as the document's language sets it (French: narrow no-break spaces, « »)."""
        return house.typeset(text, self.lang)

    def run(
        self, paragraph: Any, text: str, *, italic: bool = False, bold: bool = False, style: str | None = None
    ) -> Any:
        run = paragraph.add_run(self.typeset(text))
        if italic:
            run.italic = True
        if bold:
            run.bold = True
        if style:
            run._r.get_or_add_rPr().get_or_add_rStyle().val = self.style_id(style)
        return run

    def emphasis(self, paragraph: Any, text: str) -> None:
        """Adopted text: its `*single asterisk*` italics as italic runs, the rest as it is."""
        from ipu_cli.domain.markup import emphasis_spans

        for piece, italic in emphasis_spans(self.typeset(text)):
            self.run(paragraph, piece, italic=italic)

    def markdown(self, paragraph: Any, text: str) -> None:
        """A line of the templates' Markdown: `**bold**`, `*italic*`, escapes resolved."""
        from ipu_cli.domain.markup import inline_runs

        for piece, bold, italic in inline_runs(self.typeset(text)):
            self.run(paragraph, piece, bold=bold, italic=italic)

    def table(self, style: str, rows: int, cols: int) -> Any:
        """A table of `style` across the text width, its columns of equal width."""
        table = self.document.add_table(rows=rows, cols=cols)
        table.style = self.document.styles[self.styles[style.casefold()].find(_w("name")).get(_w("val"))]
        width = table._tbl.tblPr.find(_w("tblW"))
        width.set(_w("type"), "pct")
        width.set(_w("w"), "5000")
        return table

    # --- lists --------------------------------------------------------------------------

    def new_list(self, style: str) -> int:
        """A fresh numbering instance of `style`'s list, so this list starts again at 1."""
        numbering = self.document.part.numbering_part.element
        num_id = self._style_num_id(style)
        abstract = None
        for num in numbering.findall(_w("num")):
            if num.get(_w("numId")) == num_id:
                abstract = num.find(_w("abstractNumId")).get(_w("val"))
        if abstract is None:
            raise WordTemplateError(
                f"{_shown(self.template)}: style '{style}' has no numbering definition (Word numbers "
                "these paragraphs): set one in Word, or rebuild the template (make word-templates)"
            )
        abstract = self._lettered(numbering, abstract)
        ids = [int(num.get(_w("numId"))) for num in numbering.findall(_w("num"))]
        new_id = max(ids, default=0) + 1
        num = numbering.makeelement(_w("num"), {_w("numId"): str(new_id)})
        num.append(num.makeelement(_w("abstractNumId"), {_w("val"): abstract}))
        for level in range(9):
            override = num.makeelement(_w("lvlOverride"), {_w("ilvl"): str(level)})
            override.append(override.makeelement(_w("startOverride"), {_w("val"): "1"}))
            num.append(override)
        numbering.append(num)
        return new_id

    def _lettered(self, numbering: Any, abstract: str) -> str:
        """The numbering definition to use for `abstract`: itself, or, when the document's
        language letters sub-items otherwise than English ("a)" for "(a)"), a copy whose
        lettered levels that show the English form show the language's. A level the
        secretariat restyled in Word to another form is left as it is."""
        english, local = house.item_letter(0), house.item_letter(0, self.lang)
        if english == local:
            return abstract
        if abstract in self._abstracts:
            return self._abstracts[abstract]
        from copy import deepcopy

        definitions = numbering.findall(_w("abstractNum"))
        source = next(a for a in definitions if a.get(_w("abstractNumId")) == abstract)
        copy = deepcopy(source)
        changed = False
        for level in copy.findall(_w("lvl")):
            fmt, text = level.find(_w("numFmt")), level.find(_w("lvlText"))
            if fmt is None or text is None or fmt.get(_w("val")) != "lowerLetter":
                continue
            field = f"%{int(level.get(_w('ilvl'))) + 1}"
            if text.get(_w("val")) == english.replace("a", field):
                text.set(_w("val"), local.replace("a", field))
                changed = True
        chosen = abstract
        if changed:
            chosen = str(max(int(a.get(_w("abstractNumId"))) for a in definitions) + 1)
            copy.set(_w("abstractNumId"), chosen)
            for unique in copy.findall(_w("nsid")):  # Word's identity of a list: the copy is another
                copy.remove(unique)
            definitions[-1].addnext(copy)
        self._abstracts[abstract] = chosen
        return chosen

    def _style_num_id(self, style: str) -> str | None:
        element = self.styles.get(style.casefold())
        while element is not None:
            found = element.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
            if found is not None:
                return found.get(_w("val"))
            based = element.find(_w("basedOn"))
            element = self._by_id(based.get(_w("val"))) if based is not None else None
        return None

    def _by_id(self, style_id: str) -> Any:
        return next((s for s in self.styles.values() if s.get(_w("styleId")) == style_id), None)

    def item(self, style: str, num_id: int, level: int = 0) -> Any:
        """A paragraph of list `num_id` at `level` (0: 1. 2. 3.; 1: (a) (b) (c))."""
        paragraph = self.paragraph(style)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id
        return paragraph

    # --- footnotes ----------------------------------------------------------------------

    def _footnotes_part(self) -> Any:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = self.document.part
        for rel in part.rels.values():
            if rel.reltype == FOOTNOTES_REL:
                return rel.target_part
        separators = (
            f'<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            "</w:footnote></w:footnotes>"
        )
        created = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, separators.encode(), part.package)
        part.relate_to(created, FOOTNOTES_REL)
        return created

    def footnote(self, paragraph: Any, text: str) -> None:
        """A real Word footnote: its reference at the end of `paragraph`, its text in the notes.

        The word processor numbers it; while `note_marks` counts (a booklet's decision printed
        to PDF), its number is written as its reference's mark instead (`customMarkFollows`):
        LibreOffice prints 0 for the notes of a section that restarts their numbering
        (`end_section(restart_notes=True)`, what Word itself is given)."""
        from lxml import etree

        custom = None
        if self.note_marks is not None:
            self.note_marks += 1
            custom = str(self.note_marks)
        root = etree.fromstring(self._footnotes.blob)
        ids = [int(n.get(_w("id"))) for n in root.findall(_w("footnote"))]
        note_id = max([0, *ids]) + 1
        note = etree.SubElement(root, _w("footnote"), {_w("id"): str(note_id)})
        p = etree.SubElement(note, _w("p"))
        etree.SubElement(
            etree.SubElement(p, _w("pPr")), _w("pStyle"), {_w("val"): self.style_id("footnote text")}
        )
        mark = etree.SubElement(p, _w("r"))
        etree.SubElement(
            etree.SubElement(mark, _w("rPr")), _w("rStyle"), {_w("val"): self.style_id("footnote reference")}
        )
        etree.SubElement(mark, _w("footnoteRef"))
        body = etree.SubElement(etree.SubElement(p, _w("r")), _w("t"))
        body.text = " " + self.typeset(text)
        body.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self._footnotes._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        reference = paragraph.add_run()._r
        reference.get_or_add_rPr().get_or_add_rStyle().val = self.style_id("footnote reference")
        attributes = {_w("id"): str(note_id)}
        if custom is not None:
            attributes[_w("customMarkFollows")] = "1"
        reference.append(reference.makeelement(_w("footnoteReference"), attributes))
        if custom is not None:
            reference.append(reference.makeelement(_w("t"), {}))
            reference[-1].text = custom

    # --- sections, headers, language ----------------------------------------------------

    def page_mark(self, text: str | None) -> None:
        """DRAFT / CONFIDENTIAL once on every page: in every header the template defines (its
        `Page Mark` paragraph, else a new one at the top); nothing when `text` is None."""
        if not text:
            return
        for rel in self.document.part.rels.values():
            if rel.reltype == HEADER_REL:
                self._mark(rel.target_part.element, text)

    def _mark(self, header: Any, text: str | None) -> None:
        """Write `text` into the `Page Mark` paragraph of one header (None: leave it empty)."""
        style_id = self.style_id("Page Mark")
        marks = [p for p in header.iter(_w("p")) if _paragraph_style(p) == style_id]
        if marks:
            target = marks[0]
            for run in target.findall(_w("r")):
                target.remove(run)
        else:
            target = header.makeelement(_w("p"), {})
            ppr = target.makeelement(_w("pPr"), {})
            ppr.append(ppr.makeelement(_w("pStyle"), {_w("val"): style_id}))
            target.append(ppr)
            header.insert(0, target)
        if not text:
            return
        run = target.makeelement(_w("r"), {})
        t = run.makeelement(_w("t"), {})
        t.text = self.typeset(text)
        run.append(t)
        target.append(run)

    def end_section(self, mark: str | None, restart_notes: bool = False, last: bool = False) -> None:
        """End the section written so far, on its own pages, with its own mark (DRAFT...) in copies
        of the template's headers; `restart_notes` numbers its footnotes from 1 (a booklet's
        decision, as alone). `last`: the document's final section (its body-level properties),
        else a copy of them closes the section (its page settings and footer)."""
        from copy import deepcopy

        final = self.body.find(_w("sectPr"))
        if last:
            properties = final
        else:
            properties = deepcopy(final)
            holder = self.body[-2] if len(self.body) > 1 else None
            if (
                holder is None
                or holder.tag != _w("p")
                or holder.find(f"{_w('pPr')}/{_w('sectPr')}") is not None
            ):
                holder = self.document.add_paragraph()._p
            holder.get_or_add_pPr().append(properties)
        for reference in properties.findall(_w("headerReference")):
            reference.set(f"{{{REL_NS}}}id", self._header_copy(reference.get(f"{{{REL_NS}}}id"), mark))
        for old in properties.findall(_w("footnotePr")):
            properties.remove(old)
        if restart_notes:
            notes = properties.makeelement(_w("footnotePr"), {})
            notes.append(notes.makeelement(_w("numRestart"), {_w("val"): "eachSect"}))
            references = properties.findall(_w("headerReference")) + properties.findall(_w("footerReference"))
            if references:
                references[-1].addnext(notes)
            else:
                properties.insert(0, notes)

    def _header_copy(self, rel_id: str, mark: str | None) -> str:
        """A new header part, a copy of header `rel_id` (its pictures' links kept) carrying `mark`;
        its relationship id."""
        from copy import deepcopy

        from docx.parts.hdrftr import HeaderPart

        source = self.document.part.related_parts[rel_id]
        copy = HeaderPart.new(self.document.part.package)
        copy._element = deepcopy(source.element)
        for rel in source.rels.values():
            target = rel.target_ref if rel.is_external else rel.target_part
            copy.rels.add_relationship(rel.reltype, target, rel.rId, rel.is_external)
        self._mark(copy.element, mark)
        return self.document.part.relate_to(copy, HEADER_REL)

    def bookmark(self, paragraph: Any, name: str) -> None:
        """Mark `paragraph` as bookmark `name` (where a contents line's page reference points)."""
        number = str(sum(1 for _ in self.body.iter(_w("bookmarkStart"))) + 1)
        start = paragraph._p.makeelement(_w("bookmarkStart"), {_w("id"): number, _w("name"): name})
        end = paragraph._p.makeelement(_w("bookmarkEnd"), {_w("id"): number})
        ppr = paragraph._p.find(_w("pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(end)

    def page_reference(self, paragraph: Any, name: str) -> None:
        """A PAGEREF field to bookmark `name`: the word processor fills in the page number (Word
        when it updates the fields, which the file asks it to do on opening; LibreOffice itself)."""
        p = paragraph._p

        def run(child: str, **attributes: str) -> Any:
            r = p.makeelement(_w("r"), {})
            r.append(r.makeelement(_w(child), {_w(k): v for k, v in attributes.items()}))
            p.append(r)
            return r[0]

        run("fldChar", fldCharType="begin")
        instruction = run("instrText")
        instruction.text = f" PAGEREF {name} \\h "
        instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run("fldChar", fldCharType="separate")
        run("t").text = "#"
        run("fldChar", fldCharType="end")
        settings = self.document.settings.element
        if settings.find(_w("updateFields")) is None:
            update = settings.makeelement(_w("updateFields"), {_w("val"): "true"})
            later = next((child for child in settings if _local(child.tag) in _AFTER_UPDATE_FIELDS), None)
            if later is not None:
                later.addprevious(update)
            else:
                settings.append(update)

    def set_language(self, tag: str) -> None:
        """The document's language (spelling, hyphenation, quotes in Word): `w:lang` everywhere
        the template sets one, the default run properties and the core properties."""
        styles = self.document.styles.element
        defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        if defaults is not None and defaults.find(_w("lang")) is None:
            defaults.append(defaults.makeelement(_w("lang"), {}))
        for lang in styles.iter(_w("lang")):
            lang.set(_w("val"), tag)
        settings = self.document.settings.element
        theme = settings.find(_w("themeFontLang"))
        if theme is not None:
            theme.set(_w("val"), tag)
        self.document.core_properties.language = tag

    def save(self, title: str) -> bytes:
        self.document.core_properties.title = self.typeset(title)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}  # fmt: skip
"""The settings that follow `w:updateFields` in the order WordprocessingML requires."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _shown(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _paragraph_style(p: Any) -> str | None:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style.get(_w("val")) if style is not None else None


def page_mark(context: dict[str, Any]) -> str | None:
    """The mark every page of a document carries: CONFIDENTIAL, DRAFT, or both."""
    labels = context.get("labels") or {}
    parts = []
    if context.get("confidential"):
        parts.append(labels.get("confidential", "CONFIDENTIAL"))
    if context.get("draft"):
        parts.append(labels.get("draft", "DRAFT"))
    return " – ".join(parts) or None


# --- decisions and letters ----------------------------------------------------------------


def _operative(doc: WordDocument, context: dict[str, Any], paragraphs: list[dict[str, Any]]) -> None:
    """Part B: the opening body, then paragraphs numbered by Word, verbs in italics, sub-items
    lettered by Word; a draft's paragraph carried over unedited opens with its mark."""
    doc.paragraph("Decision Intro", context["intro"])
    numbers = doc.new_list("Operative Paragraph")
    for paragraph in paragraphs:
        p = doc.item("Operative Paragraph", numbers, 0)
        if paragraph.get("carried"):
            doc.run(p, context["labels"]["carried_over"], style="Carried Over")
            doc.run(p, " ")
        doc.run(p, paragraph["verb"], italic=True)
        doc.run(p, " ")
        doc.emphasis(p, paragraph["text"])
        for item in paragraph["items"]:
            doc.emphasis(doc.item("Operative Sub-item", numbers, 1), item["text"])


def _case_list(doc: WordDocument, lines: list[str]) -> None:
    """The case list in two columns: a borderless table (style Case Columns) of one row, the
    first half of the list down the left cell, the rest down the right one, so the list reads
    in id order and the row breaks across pages when it is long (a two-column section would
    do the same in Word, but LibreOffice drops its columns once the document has footnotes)."""
    if not lines:
        return
    half = (len(lines) + 1) // 2
    table = doc.table("Case Columns", rows=1, cols=2)
    for cell, part in zip(table.rows[0].cells, (lines[:half], lines[half:]), strict=True):
        first = cell.paragraphs[0]
        for index, line in enumerate(part):
            p = first if index == 0 else cell.add_paragraph()
            p._p.get_or_add_pPr().get_or_add_pStyle().val = doc.style_id("Case List")
            doc.run(p, line)


def _case_box(doc: WordDocument, box: dict[str, Any], labels: dict[str, str]) -> None:
    """A case box (`title`, `box`, `follow_up`): a framed one-column table (style Case Box), one
    row per line, so a long box breaks across pages between its lines; the title row repeats on
    the next page."""
    rows: list[tuple[str, str | None, str | None]] = [("Box Title", box["title"], None)]
    rows += [("Box Line", f"{line['label']}:", line["value"]) for line in box["box"]]
    rows.append(("Box Line", f"{labels['follow_up']}:", None))
    rows += [("Box Item", f"{line['label']}:", line["value"]) for line in box["follow_up"]]
    table = doc.table("Case Box", rows=len(rows), cols=1)
    bullets = doc.new_list("Box Item")
    for index, (row, (style, label, value)) in enumerate(zip(table.rows, rows, strict=True)):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(_w("cantSplit"), {}))
        if index == 0:
            tr_pr.append(tr_pr.makeelement(_w("tblHeader"), {}))
        p = row.cells[0].paragraphs[0]
        p._p.get_or_add_pPr().get_or_add_pStyle().val = doc.style_id(style)
        if style == "Box Item":
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = bullets
        if style == "Box Title":
            doc.run(p, label or "")
            continue
        doc.run(p, label or "", style="Box Label")
        if value is not None:
            doc.run(p, f" {value}")


def _translation(doc: WordDocument, context: dict[str, Any]) -> None:
    """What the document says of its translation ("Traduction non officielle"), at the end of
    its text, in italics; nothing for a document in the language of its case files."""
    if context.get("translation"):
        doc.paragraph("Normal", context["translation"], italic=True)


def decision_document(context: dict[str, Any], template: Path) -> bytes:
    """A decision (the context of `documents/decision.build`) on the Word template."""
    doc = WordDocument(template, context["lang"], DECISION_STYLES)
    doc.page_mark(page_mark(context))
    _decision(doc, context)
    return doc.save(f"{context['country']}: {context['header']}")


def _decision(doc: WordDocument, context: dict[str, Any]) -> Any:
    """A decision's text, written at the end of `doc` (alone, or in a booklet); its first paragraph.

    A joint decision has the box of each case it covers (`more_boxes`), one after the other."""
    labels = context["labels"]
    first = doc.paragraph("Masthead", labels["masthead"])
    doc.paragraph("Tagline", labels["tagline"])
    doc.paragraph("heading 1", context["country"])
    doc.paragraph("Decision Header", context["header"])
    _case_list(doc, context["case_lines"])
    doc.paragraph("heading 2", labels["violations"])
    notes = {note["marker"]: note["text"] for note in context["footnotes"]}
    for item in context["checklist"]:
        p = doc.paragraph("Checklist", f"✓\t{item['label']}")
        if item["marker"]:
            doc.footnote(p, notes[item["marker"]])
    doc.paragraph("heading 2", labels["summary"])
    boxes = [{"title": context["box_title"], "box": context["box"], "follow_up": context["follow_up"]}]
    for box in [*boxes, *context.get("more_boxes", ())]:
        _case_box(doc, box, labels)
        doc.paragraph("Normal")  # the space after a box (two tables in a row would be one)
    for text in context["summary"]:
        doc.emphasis(doc.paragraph("Normal"), text)
    doc.paragraph("heading 2", labels["decision"])
    _operative(doc, context, context["paragraphs"])
    _translation(doc, context)
    return first


def booklet_document(context: dict[str, Any], template: Path, printing: bool = False) -> bytes:
    """A session's booklet (the context of `documents/session_booklet.build`) on the decision's
    Word template: the cover and the contents, then each decision in a section of its own, set
    as it is set alone (its numbering and footnotes from 1, its mark in its pages' headers); the
    contents' page numbers are PAGEREF fields to a bookmark where each decision starts.

    Word restarts each decision's footnotes (`numRestart eachSect`); LibreOffice prints those
    as 0, so the document to be printed (`printing`: PDF) writes each note's number as its mark.
    """
    doc = WordDocument(template, context["lang"], BOOKLET_STYLES)
    labels = context["labels"]
    doc.paragraph("Masthead", labels["masthead"])
    doc.paragraph("Tagline", labels["tagline"])
    doc.paragraph("Cover Body", context["cover_body"])
    doc.paragraph("Cover Title", context["title"])
    doc.paragraph("Cover Line", context["where"])
    if context.get("symbol"):
        doc.paragraph("Cover Symbol", context["symbol"])
    doc.paragraph("TOC Heading", labels["contents"])  # on a new page: the style says so
    for region in context["contents"]:
        doc.paragraph("toc 1", region["region"])
        for country in region["countries"]:
            for entry in country["entries"]:
                p = doc.paragraph("toc 2", entry["label"])
                doc.run(p, "\t")
                doc.page_reference(p, entry["bookmark"])
    doc.end_section(page_mark(context))
    parts = context["decisions"]
    for index, part in enumerate(parts):
        decision = part["decision"]
        doc.note_marks = 0 if printing else None  # its footnotes from 1
        doc.bookmark(_decision(doc, decision), part["bookmark"])
        doc.end_section(page_mark(decision), restart_notes=not printing, last=index == len(parts) - 1)
    return doc.save(f"{context['cover_body']}: {context['title']} ({context['where']})")


def letter_document(context: dict[str, Any], body: str, template: Path) -> bytes:
    """A letter (the context of `documents/letters.build_letter`) on the Word template; `body`
    is the Markdown of the party's `body` block (templates/letter-<party>.md.j2)."""
    doc = WordDocument(template, context.get("lang", "en"), LETTER_STYLES)
    labels = context["labels"]
    doc.page_mark(page_mark(context))
    doc.paragraph("Date Line", context["dateline"])
    addressee = context["addressee"]
    if addressee.get("title"):
        lines = [
            addressee.get("name"),
            addressee["title"],
            addressee.get("institution"),
            *addressee["address"],
        ]
        for line in lines:
            if line:
                doc.paragraph("Addressee", line)
    doc.paragraph("Reference Line", context["reference"])
    doc.paragraph("Letter Text", context["salutation"])
    bullets: int | None = None
    for kind, text in markdown_blocks(body):
        if kind in ("bullet", "bullet2", "check"):
            bullets = bullets or doc.new_list("Letter List")
            doc.markdown(doc.item("Letter List", bullets), text)
        elif kind != "rule":
            bullets = None
            doc.markdown(doc.paragraph("Letter Text"), text)
    doc.paragraph("Closing", context["closing"])
    doc.paragraph("Signature Name", context["signatory"]["name"])
    doc.paragraph("Signature Title", context["signatory"]["title"])
    doc.paragraph("Enclosure Line", f"{labels['enclosure']}: {context['decision_header']}")
    doc.paragraph("Enclosure Heading", labels["enclosure"])
    doc.paragraph("heading 1", context["country"])
    doc.paragraph("Decision Header", context["decision_header"])
    if context["enclosure"]:
        _operative(doc, context, context["enclosure"])
    else:
        doc.paragraph("Letter Text", labels["not_held"])
    _translation(doc, context)
    return doc.save(context["reference"])


# --- the small Markdown dialect of the templates, and reading text back --------------------

_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_BULLET = re.compile(r"^(\s*)-\s+(.*)$")
_ANCHOR = re.compile(r'^<a id="[A-Za-z][\w-]*"></a>$')
_CONTENTS = re.compile(r"^\[(.+)\]\(#[A-Za-z][\w-]*\)$")
_BANNERS = frozenset(f"**{words[mark]}**" for words in LABELS.values() for mark in ("draft", "confidential"))
"""Page marks as the Markdown prints them (`**{{ labels.draft }}**`), in every language of
`domain/labels.py`; Word and HTML put them on every page instead."""


def markdown_blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) blocks: heading1..4, number ("N. text"), bullet, bullet2, check, rule, para,
    and a booklet's contents lines ("- [label](#anchor)": kind contents, text the label); the
    anchors a booklet sets before each decision (`<a id="..."></a>`) are left out, as comments."""
    out: list[tuple[str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(("para", " ".join(para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if (
            not stripped
            or (stripped.startswith("<!--") and stripped.endswith("-->"))
            or _ANCHOR.match(stripped)
        ):
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
            out.append(("number", f"{numbered.group(1)}. {numbered.group(2)}"))
        elif bullet:
            flush()
            text = bullet.group(2)
            link = _CONTENTS.match(text)
            if link and not bullet.group(1):
                out.append(("contents", link.group(1)))
                continue
            kind = "check" if text.startswith("✓") else "bullet2" if bullet.group(1) else "bullet"
            out.append((kind, text))
        else:
            para.append(stripped)
    flush()
    return out


def markdown_plain_lines(markdown: str) -> list[str]:
    """What a reader of a rendered Markdown document sees, one entry per block: markup and
    escapes removed, list numbers kept, bullets dropped; the page marks (DRAFT, CONFIDENTIAL),
    which the Word document carries in its headers, and rules left out."""
    from ipu_cli.domain.markup import plain_text

    return [
        plain_text(text)
        for kind, text in markdown_blocks(markdown)
        if kind != "rule" and not (kind == "para" and text in _BANNERS)
    ]


def docx_plain_lines(data: bytes) -> list[str]:
    """What a reader of a .docx sees in its body, one entry per paragraph (tables' cells in
    order, empty paragraphs skipped): Word's list numbers ("1.", "(a)") written out, bullets
    dropped, tabs as spaces, field results the word processor fills in (a contents line's page
    number) left out, footnote references as superscripts (¹ ²), and the footnotes' texts at the
    end of their section ("¹ Only concerns ..."), where the Markdown prints them: the end of
    the document, or of each decision of a booklet (numbered from 1 in each)."""
    import docx
    from lxml import etree

    from ipu_cli.domain.words import superscript

    document = docx.Document(io.BytesIO(data))
    numbering = _Numbering(document)
    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL:
            for note in etree.fromstring(rel.target_part.blob).findall(_w("footnote")):
                runs = list(note.iter(_w("r")))
                if runs and runs[0].find(f"{_w('rPr')}/{_w('rStyle')}") is not None:
                    runs = runs[1:]  # the note's own mark (Word's number, or the mark as text)
                notes[note.get(_w("id"))] = "".join(
                    t.text or "" for r in runs for t in r.iter(_w("t"))
                ).strip()
    references: dict[str, str] = {}
    lines = []

    def flush() -> None:
        lines.extend(f"{marker} {notes[note]}" for note, marker in references.items() if note in notes)
        references.clear()

    for p in document.element.body.iter(_w("p")):
        text = []
        field = None  # inside a field: its instruction ("instr"), then its result ("result")
        for node in p.iter(_w("t"), _w("tab"), _w("footnoteReference"), _w("fldChar")):
            if node.tag == _w("fldChar"):
                kind = node.get(_w("fldCharType"))
                field = {"begin": "instr", "separate": "result", "end": None}.get(kind, field)
            elif field == "result" or (node.tag == _w("t") and _is_mark(node.getparent())):
                continue  # a field's result; a footnote's mark written as text (read as ¹)
            elif node.tag == _w("t"):
                text.append(node.text or "")
            elif node.tag == _w("tab"):
                text.append(" ")
            else:
                marker = references.setdefault(node.get(_w("id")), superscript(len(references) + 1))
                text.append(marker)
        line = "".join(text).rstrip()
        if line.strip():
            label = numbering.label(p)
            lines.append(f"{label} {line}" if label else line)
        if p.find(f"{_w('pPr')}/{_w('sectPr')}") is not None:
            flush()  # the end of a section
    flush()
    return lines


def _is_mark(run: Any) -> bool:
    """Whether `run` holds a footnote's reference whose mark follows as text (`customMarkFollows`)."""
    reference = run.find(_w("footnoteReference"))
    return reference is not None and reference.get(_w("customMarkFollows")) in ("1", "true")


class _Numbering:
    """Word's list labels, as Word shows them: counted per list and level, from the template's
    numbering definitions (decimal "1.", lowerLetter "(a)"; bullets have none)."""

    def __init__(self, document: Any) -> None:
        self.styles = {s.get(_w("styleId")): s for s in document.styles.element.findall(_w("style"))}
        root = document.part.numbering_part.element
        self.abstract = {a.get(_w("abstractNumId")): a for a in root.findall(_w("abstractNum"))}
        self.nums = {
            n.get(_w("numId")): n.find(_w("abstractNumId")).get(_w("val")) for n in root.findall(_w("num"))
        }
        self.counters: dict[str, list[int]] = {}

    def _num_pr(self, p: Any) -> tuple[str | None, int]:
        num_id, level = None, 0
        style_id = _paragraph_style(p)
        chain = []
        while style_id in self.styles:
            chain.append(self.styles[style_id])
            based = self.styles[style_id].find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        for element in [p, *chain]:
            num_pr = element.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(_w("numId")) is not None:
                num_id = num_pr.find(_w("numId")).get(_w("val"))
                ilvl = num_pr.find(_w("ilvl"))
                level = int(ilvl.get(_w("val"))) if ilvl is not None else 0
        return num_id, level

    def label(self, p: Any) -> str | None:
        num_id, level = self._num_pr(p)
        if num_id is None or num_id not in self.nums:
            return None
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        counts[level + 1 :] = [0] * (8 - level)
        lvl = next(
            (
                x
                for x in self.abstract[self.nums[num_id]].findall(_w("lvl"))
                if x.get(_w("ilvl")) == str(level)
            ),
            None,
        )
        if lvl is None:
            return None
        fmt = lvl.find(_w("numFmt")).get(_w("val"))
        if fmt == "bullet":
            return None
        text = lvl.find(_w("lvlText")).get(_w("val"))
        for index in range(level + 1):
            text = text.replace(f"%{index + 1}", _number(counts[index], fmt if index == level else "decimal"))
        return text


def _number(value: int, fmt: str) -> str:
    """A list number as Word writes it: 3, c, (after z) aa, bb...; iii, III, C."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip
        out = ""
        for amount, numeral in numerals:
            while value >= amount:
                out += numeral
                value -= amount
        return out if fmt == "lowerRoman" else out.upper()
    return str(value)
