"""Word documents at the secretariat's standard: what a reader of the .docx finds, read from its XML.

The decision and the letter are opened as Word files: the framed case box, the
two-column case list, real footnotes with their texts, Word's numbering of the
operative paragraphs and their lettered sub-items, the PAGE field in the footer,
DRAFT / CONFIDENTIAL in the header of every section, the document's language,
A4 pages, and the text equal to the Markdown's. The templates are restyled in Word
(here with python-docx) and the documents follow them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(ipu, tmp_path: Path, *args: str, name: str = "document.docx") -> tuple[object, bytes]:
    import docx

    target = tmp_path / name
    result = ipu(*args, "-o", str(target))
    assert result.code == 0, result.err
    assert result.err.endswith(f"ipu: wrote {target}\n")
    data = target.read_bytes()
    return docx.Document(io.BytesIO(data)), data


def _style_ids(document: object) -> dict[str, str]:
    return {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
        for s in document.styles.element.iter(f"{W}style")
    }


def _para_style(document: object, p: object) -> str | None:
    found = p.find(f"{W}pPr/{W}pStyle")
    return _style_ids(document).get(found.get(f"{W}val")) if found is not None else None


def _headers(document: object) -> list[str]:
    """The text of every header of every section (linked headers resolved as Word does)."""
    texts = []
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous:
                lines = ("".join(t.text for t in p.iter(f"{W}t")) for p in header._element.iter(f"{W}p"))
                texts.append("\n".join(line for line in lines if line))
    return texts


def _footnotes(data: bytes) -> list[str]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    return [
        "".join(t.text for t in note.iter(f"{W}t")).strip()
        for note in root.iter(f"{W}footnote")
        if note.get(f"{W}type") is None
    ]


# --- the decision -----------------------------------------------------------------------


def test_draft_decision_in_word(repo: Path, ipu, tmp_path: Path) -> None:
    document, data = _docx(ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "180")
    markdown = (GOLDEN / "KHM-COLL-03-committee-180-draft.md").read_text(encoding="utf-8")
    assert docx_plain_lines(data) == markdown_plain_lines(markdown)

    # A4, one section, DRAFT once in its header (never in the body), a PAGE field in the footer
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == (
        pytest.approx(210, abs=0.1),
        pytest.approx(297, abs=0.1),
    )
    assert _headers(document) == ["DRAFT"]
    assert not any("DRAFT" in p.text for p in document.paragraphs)
    assert [i.text for i in section.footer._element.iter(f"{W}instrText")] == [" PAGE "]

    tables = document.tables
    assert [t.style.name for t in tables] == ["Case Columns", "Case Box"]
    # the case list: one row of two cells, the first half of the list down the left one
    columns = tables[0]
    assert (len(columns.rows), len(columns.columns)) == (1, 2)
    left, right = ([p.text for p in cell.paragraphs] for cell in columns.rows[0].cells)
    assert (len(left), len(right)) == (19, 19)
    assert (left[0], left[-1], right[0], right[-1]) == (
        "KHM-48 - Mu Sochua (Ms.)",
        "KHM-73 - Kimsour Phirith",
        "KHM-76 - Ky Wandara",
        "KHM-102 - Yun Tharo",
    )
    borders = document.styles["Case Columns"].element.find(f"{W}tblPr/{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"nil"}

    # the case box: a framed table, one row per line, labels bold (character style Box Label)
    box = tables[1]
    frame = document.styles["Case Box"].element.find(f"{W}tblPr/{W}tblBorders")
    assert {b.tag.removeprefix(W): b.get(f"{W}val") for b in frame} == {
        "top": "single", "left": "single", "bottom": "single", "right": "single", "insideH": "nil", "insideV": "nil",
    }  # fmt: skip
    rows = [row.cells[0].paragraphs[0] for row in box.rows]
    assert [p.text for p in rows[:3]] == [
        "Case KHM-COLL-03",
        "Cambodia: Parliament affiliated to the IPU",
        "Victims: 38 former opposition parliamentarians (34 male and four female)",
    ]
    label = rows[1].runs[0]
    assert (label.text, label.style.name, label.style.font.bold) == ("Cambodia:", "Box Label", True)
    assert [p.style.name for p in rows[-4:]] == ["Box Item"] * 4
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in box.rows)

    # the checklist: its notes are real footnotes, referenced from the items
    checklist = [p for p in document.paragraphs if p.style.name == "Checklist"]
    assert len(checklist) == 12
    referenced = [p.text for p in checklist if p._p.find(f".//{W}footnoteReference") is not None]
    assert referenced == [
        "✓\tImpunity",
        "✓\tArbitrary arrest and detention",
        "✓\tInhumane conditions of detention",
    ]
    assert _footnotes(data) == [
        "Only concerns cases KHM-56 and KHM-57.",
        "Alleged violations which previously concerned the following former parliamentarians: KHM-48, "
        "KHM-49, KHM-50, KHM-51, KHM-52, KHM-53, KHM-59, KHM-60. Only currently applies to case KHM-60.",
        "Only concerns case KHM-60 in the context of solitary confinement.",
    ]
    assert not any(p.text.startswith(("¹", "²", "³")) for p in document.paragraphs)

    # operative paragraphs numbered by Word (no typed numbers), verbs in italics, marked carried over;
    # sub-items at the second level of the same list, lettered (a), (b), (c), no bullet
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert len(operative) == 9
    first = operative[0]
    assert [(r.text, r.style.name, r.italic) for r in first.runs[:3]] == [
        ("(carried over)", "Carried Over", None),
        (" ", "Default Paragraph Font", None),
        ("Reaffirms", "Default Paragraph Font", True),
    ]
    assert not first.text[0].isdigit()
    numbering = document.part.numbering_part.element
    num_ids = {p._p.pPr.numPr.numId.val for p in operative}
    assert len(num_ids) == 1
    abstract_id = (
        next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == str(*num_ids))
        .find(f"{W}abstractNumId")
        .get(f"{W}val")
    )
    abstract = next(a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    levels = {
        lvl.get(f"{W}ilvl"): (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
        for lvl in abstract.iter(f"{W}lvl")
    }
    assert (levels["0"], levels["1"]) == (("decimal", "%1."), ("lowerLetter", "(%2)"))
    items = [p for p in document.paragraphs if p.style.name == "Operative Sub-item"]
    assert [(p._p.pPr.numPr.ilvl.val, p._p.pPr.numPr.numId.val) for p in items] == [(1, *num_ids)] * 3
    assert (
        items[0].text == "the dissolution of the CNRP and the resulting revocation of parliamentary mandates;"
    )

    # the house font and language, from the template: no theme fonts, headings in Arial
    styles = document.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}ascii") == "Arial"
    assert defaults.find(f"{W}lang").get(f"{W}val") == "en-GB"
    assert document.core_properties.language == "en-GB"
    assert not [a for a in styles.iter(f"{W}rFonts") if any("Theme" in k for k in a.attrib)]
    assert [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")] == [
        "Heading 1",
        "Heading 2",
        "Heading 2",
        "Heading 2",
    ]
    assert all(p.style.font.name is None for p in document.paragraphs if p.style.name.startswith("Heading"))
    assert b"<w:t>1.</w:t>" not in data


def test_adopted_decision_has_no_mark_and_is_the_markdown(repo: Path, ipu, tmp_path: Path) -> None:
    document, data = _docx(ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "179", "--adopted")
    markdown = (GOLDEN / "KHM-COLL-03-committee-179-adopted.md").read_text(encoding="utf-8")
    assert docx_plain_lines(data) == markdown_plain_lines(markdown)
    assert _headers(document) == [""]
    assert "Carried Over" not in {r.style.name for p in document.paragraphs for r in p.runs}


def test_confidential_draft_is_marked_in_every_header_once(repo: Path, ipu, tmp_path: Path) -> None:
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    args = ("draft-decision", "KHM-COLL-03", "--session", "180", "--confidential")
    document, data = _docx(ipu, tmp_path, *args)
    assert _headers(document) == ["CONFIDENTIAL – DRAFT"]
    assert not any("CONFIDENTIAL" in line for line in docx_plain_lines(data))
    assert docx_plain_lines(data) == markdown_plain_lines(ipu(*args).out)
    # the letter of a confidential case: on its letterhead page and on every later page
    letter, _ = _docx(
        ipu, tmp_path, "draft-letter", "KHM-COLL-03", "--to", "authorities", "--confidential", name="l.docx"
    )
    section = letter.sections[0]
    assert section.different_first_page_header_footer
    assert [h.paragraphs[0].text for h in (section.first_page_header, section.header)] == ["CONFIDENTIAL"] * 2


def test_french_decision_is_tagged_french(repo: Path, ipu, tmp_path: Path) -> None:
    document, _ = _docx(
        ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "--lang", "fr"
    )
    styles = document.styles.element
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "fr-FR"
    assert document.settings.element.find(f"{W}themeFontLang").get(f"{W}val") == "fr-FR"
    assert document.core_properties.language == "fr-FR"


# --- the letter ---------------------------------------------------------------------------


def test_letter_in_word(repo: Path, ipu, tmp_path: Path) -> None:
    document, data = _docx(ipu, tmp_path, "draft-letter", "KHM-COLL-03", "--to", "authorities")
    markdown = (GOLDEN / "letter-KHM-COLL-03-authorities-179.md").read_text(encoding="utf-8")
    assert docx_plain_lines(data) == markdown_plain_lines(markdown)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs[:5] == [
        ("Date Line", "Geneva, 1 March 2026"),
        ("Addressee", "Secretary General of the National Assembly"),
        ("Addressee", "National Assembly of the Kingdom of Cambodia"),
        ("Addressee", "Phnom Penh"),
        ("Addressee", "Cambodia"),
    ]
    styles = [name for name, _ in paragraphs]
    assert styles.count("Letter List") == 3
    start = styles.index("Closing")
    assert paragraphs[start : start + 5] == [
        ("Closing", "Yours sincerely,"),
        ("Signature Name", "Martin Chungong"),
        ("Signature Title", "Secretary General of the Inter-Parliamentary Union"),
        (
            "Enclosure Line",
            "Enclosure: Decision adopted by the Committee on the Human Rights of Parliamentarians at its "
            "179th session (Geneva, 2 to 18 February 2026)",
        ),
        ("Enclosure Heading", "Enclosure"),
    ]
    # the enclosure starts a page of its own; its paragraphs are numbered by Word
    assert document.styles["Enclosure Heading"].paragraph_format.page_break_before
    assert styles.count("Operative Paragraph") == 9
    # the letterhead is the first page's header: the logo (an image) and the address
    section = document.sections[0]
    first = section.first_page_header
    assert first._element.find(f".//{W}drawing") is not None
    assert "Chemin du Pommier 5" in "\n".join(c.text for t in first.tables for c in t.rows[0].cells)
    assert [i.text for i in section.footer._element.iter(f"{W}instrText")] == [" PAGE "]
    assert _headers(document) == [
        "",
        "Inter-Parliamentary Union\nFor democracy. For everyone.\nChemin du Pommier 5\n"
        "CH-1218 Le Grand-Saconnex / Geneva\nSwitzerland\nwww.ipu.org",
    ]


def test_every_letter_and_decision_of_the_bundled_base_is_the_markdown(
    repo: Path, ipu, tmp_path: Path
) -> None:
    for index, args in enumerate(
        (
            ("draft-letter", "KHM-COLL-03", "--to", "complainant"),
            ("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "171"),
            ("draft-decision", "KHM-COLL-03", "--session", "179"),
        )
    ):
        _, data = _docx(ipu, tmp_path, *args, name=f"{index}.docx")
        assert docx_plain_lines(data) == markdown_plain_lines(ipu(*args).out), args


# --- the templates ------------------------------------------------------------------------


def test_a_template_restyled_in_word_restyles_the_documents(repo: Path, ipu, tmp_path: Path) -> None:
    """The secretariat changes the house font and the margins in Word; no code changes."""
    import docx
    from docx.shared import Cm

    template = docx.Document(str(ROOT / "templates" / "decision.docx"))
    template.styles["Normal"].font.name = "Georgia"
    template.sections[0].left_margin = Cm(3)
    (repo / "templates").mkdir()
    template.save(str(repo / "templates" / "decision.docx"))
    document, _ = _docx(ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "180")
    assert document.styles["Normal"].font.name == "Georgia"
    assert round(document.sections[0].left_margin.cm, 2) == 3
    assert not any("Template of ipu" in p.text for p in document.paragraphs)  # the specimen is cleared


def _edited_template(repo: Path, edit: dict[str, list[tuple[bytes, bytes]]], drop: str = "") -> None:
    """The repository's own templates/decision.docx: the bundled one, with the replacements
    `edit` names per part, and without the part `drop`."""
    (repo / "templates").mkdir()
    source = zipfile.ZipFile(ROOT / "templates" / "decision.docx")
    with zipfile.ZipFile(repo / "templates" / "decision.docx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            for old, new in edit.get(item.filename, []):
                assert old in data, (item.filename, old)
                data = data.replace(old, new)
            if item.filename != drop:
                target.writestr(item, data)


def test_a_template_without_a_needed_style_is_refused(repo: Path, ipu, tmp_path: Path) -> None:
    renamed = (b'<w:name w:val="Operative Paragraph"/>', b'<w:name w:val="Numbered"/>')
    _edited_template(repo, {"word/styles.xml": [renamed]})
    out = tmp_path / "d.docx"
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "-o", str(out))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "ipu: templates/decision.docx has no style 'Operative Paragraph': add it in Word, "
        "or rebuild the template (make word-templates)\n"
    )
    assert not out.exists()


def test_a_template_without_footnotes_gets_them(repo: Path, ipu, tmp_path: Path) -> None:
    """Word templates saved without a footnotes part (most are) still get real footnotes."""
    relation = (
        b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/>'
    )
    override = (
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/>'
    )
    edit = {"word/_rels/document.xml.rels": [(relation, b"")], "[Content_Types].xml": [(override, b"")]}
    _edited_template(repo, edit, drop="word/footnotes.xml")
    assert "word/footnotes.xml" not in zipfile.ZipFile(repo / "templates" / "decision.docx").namelist()
    _, data = _docx(ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "179", "--adopted")
    assert len(_footnotes(data)) == 3
    assert docx_plain_lines(data)[-3][0] == "¹"


def test_the_template_script_rebuilds_the_templates(tmp_path: Path) -> None:
    """scripts/word_templates.py writes the three templates (the French letter's with its own
    letterhead), the same bytes each time, with every style the documents need."""
    import runpy

    from ipu_cli.documents.word import DECISION_STYLES, LETTER_STYLES, WordDocument

    script = runpy.run_path(str(ROOT / "scripts" / "word_templates.py"))
    assert script["main"]([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decision.docx", "letter.docx", "letter.fr.docx"]
    assert script["build"]("decision") == (tmp_path / "decision.docx").read_bytes()
    assert script["build"]("letter", "fr") == (tmp_path / "letter.fr.docx").read_bytes()
    for name, styles in (
        ("decision", DECISION_STYLES),
        ("letter", LETTER_STYLES),
        ("letter.fr", LETTER_STYLES),
    ):
        for folder in (tmp_path, ROOT / "templates"):
            WordDocument(folder / f"{name}.docx", "en", styles)  # raises when a style is missing
