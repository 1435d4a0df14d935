"""Write the Word templates of decisions and letters: templates/decision.docx (also a session
booklet's, with the styles of its cover and contents), templates/letter.docx, and the French
letter's, templates/letter.fr.docx (its letterhead in French).

Run once (`make word-templates`), then restyle the files in Word itself: `ipu` opens the
template, keeps its styles, numbering, page settings, header and footer, clears its body
and writes the document with the named styles below (ipu_cli/documents/word.py). Change a
style's font, size, colour or spacing (Home > Styles > Modify), the margins, the header,
the footer or the logo, and save under the same name; do not rename the styles.

The files are plain WordprocessingML written here by hand, so they hold only what ipu
uses (no theme fonts, no sample styles), and the same input always gives the same bytes.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from ipu_cli.documents.word import LANGUAGE_TAGS

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = f'xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}"'

FONT = "Arial"
BLUE = "003B71"
RED = "C00000"
GREY = "555555"
BOX = "EEF3F9"
TEMPLATES = (("decision", "en"), ("letter", "en"), ("letter", "fr"))
"""The templates written: a language other than English has its own where the template holds
words (the letterhead); ipu falls back on the English one otherwise (decision.docx)."""

# --- styles -----------------------------------------------------------------------------
# (styleId, name, basedOn, next, pPr, rPr). Word's built-in styles keep Word's names
# ("heading 1", "footnote text"), so Word shows them translated and in their usual place.

PARAGRAPH_STYLES = [
    ("Normal", "Normal", None, None, "", ""),
    (
        "Heading1",
        "heading 1",
        "Normal",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="0"/>',
        f'<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    ),
    (
        "Heading2",
        "heading 2",
        "Normal",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="1"/>',
        f'<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    ),
    ("Header", "header", "Normal", None, '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', ""),
    (
        "Footer",
        "footer",
        "Normal",
        None,
        '<w:jc w:val="center"/><w:spacing w:after="0"/>',
        '<w:sz w:val="18"/>',
    ),
    (
        "FootnoteText",
        "footnote text",
        "Normal",
        None,
        '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="17"/><w:szCs w:val="17"/>',
    ),
    (
        "PageMark",
        "Page Mark",
        "Header",
        None,
        '<w:jc w:val="center"/><w:spacing w:after="120"/>',
        f'<w:b/><w:bCs/><w:color w:val="{RED}"/><w:spacing w:val="40"/><w:sz w:val="22"/><w:szCs w:val="22"/>',
    ),
    (
        "Masthead",
        "Masthead",
        "Normal",
        "Tagline",
        '<w:spacing w:after="0"/>',
        f'<w:b/><w:color w:val="{BLUE}"/><w:sz w:val="28"/>',
    ),
    (
        "Tagline",
        "Tagline",
        "Normal",
        "Normal",
        f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="{BLUE}"/></w:pBdr><w:spacing w:after="240"/>',
        f'<w:color w:val="{GREY}"/><w:sz w:val="18"/>',
    ),
    (
        "DecisionHeader",
        "Decision Header",
        "Normal",
        "CaseList",
        '<w:spacing w:after="240"/>',
        "<w:i/><w:iCs/>",
    ),
    (
        "CaseList",
        "Case List",
        "Normal",
        None,
        '<w:spacing w:after="0"/>',
        '<w:sz w:val="19"/><w:szCs w:val="19"/>',
    ),
    (
        "Checklist",
        "Checklist",
        "Normal",
        None,
        '<w:tabs><w:tab w:val="left" w:pos="397"/></w:tabs><w:spacing w:after="20"/><w:ind w:left="397" w:hanging="397"/>',
        "",
    ),
    ("BoxTitle", "Box Title", "Normal", None, '<w:keepNext/><w:spacing w:after="80"/>', "<w:b/><w:bCs/>"),
    (
        "BoxLine",
        "Box Line",
        "Normal",
        None,
        '<w:keepLines/><w:spacing w:after="60"/>',
        '<w:sz w:val="19"/><w:szCs w:val="19"/>',
    ),
    (
        "BoxItem",
        "Box Item",
        "BoxLine",
        None,
        '<w:numPr><w:numId w:val="2"/></w:numPr><w:ind w:left="567" w:hanging="283"/>',
        "",
    ),
    ("DecisionIntro", "Decision Intro", "Normal", None, '<w:keepNext/><w:spacing w:before="120"/>', ""),
    (
        "OperativeParagraph",
        "Operative Paragraph",
        "Normal",
        None,
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:left="567" w:hanging="567"/>',
        "",
    ),
    (
        "OperativeSubitem",
        "Operative Sub-item",
        "Normal",
        None,
        '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="1134" w:hanging="567"/>',
        "",
    ),
    (
        "LetterheadName",
        "Letterhead Name",
        "Header",
        None,
        "",
        f'<w:b/><w:color w:val="{BLUE}"/><w:sz w:val="28"/>',
    ),
    (
        "LetterheadTagline",
        "Letterhead Tagline",
        "Header",
        None,
        "",
        f'<w:color w:val="{GREY}"/><w:sz w:val="17"/>',
    ),
    (
        "LetterheadAddress",
        "Letterhead Address",
        "Header",
        None,
        '<w:jc w:val="right"/>',
        f'<w:color w:val="{GREY}"/><w:sz w:val="15"/>',
    ),
    (
        "DateLine",
        "Date Line",
        "Normal",
        None,
        '<w:jc w:val="right"/><w:spacing w:before="240" w:after="360"/>',
        "",
    ),
    ("Addressee", "Addressee", "Normal", None, '<w:spacing w:after="0"/>', ""),
    (
        "ReferenceLine",
        "Reference Line",
        "Normal",
        None,
        '<w:spacing w:before="360" w:after="240"/>',
        "<w:b/><w:bCs/>",
    ),
    ("LetterText", "Letter Text", "Normal", None, '<w:jc w:val="both"/>', ""),
    (
        "LetterList",
        "Letter List",
        "LetterText",
        None,
        '<w:numPr><w:numId w:val="3"/></w:numPr><w:ind w:left="567" w:hanging="283"/>',
        "",
    ),
    ("Closing", "Closing", "Normal", "SignatureName", '<w:keepNext/><w:spacing w:before="240"/>', ""),
    (
        "SignatureName",
        "Signature Name",
        "Normal",
        "SignatureTitle",
        '<w:keepNext/><w:spacing w:before="840" w:after="0"/>',
        "",
    ),
    ("SignatureTitle", "Signature Title", "Normal", None, "", ""),
    (
        "EnclosureLine",
        "Enclosure Line",
        "Normal",
        None,
        '<w:spacing w:before="480"/>',
        '<w:sz w:val="19"/><w:szCs w:val="19"/>',
    ),
    ("EnclosureHeading", "Enclosure Heading", "Heading2", "Normal", "<w:pageBreakBefore/>", ""),
]
TEXT_WIDTH = 11906 - 1247 - 1361
"""The A4 page's width less its margins (twips): where a contents line's page number sits."""
BOOKLET_STYLES = [
    (
        "CoverBody",
        "Cover Body",
        "Normal",
        "CoverTitle",
        '<w:spacing w:before="2880" w:after="240"/>',
        f'<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="40"/><w:szCs w:val="40"/>',
    ),
    (
        "CoverTitle",
        "Cover Title",
        "Normal",
        "CoverLine",
        '<w:spacing w:after="240"/>',
        '<w:sz w:val="32"/><w:szCs w:val="32"/>',
    ),
    ("CoverLine", "Cover Line", "Normal", None, "", '<w:sz w:val="24"/><w:szCs w:val="24"/>'),
    ("CoverSymbol", "Cover Symbol", "Normal", None, '<w:spacing w:before="720"/>', "<w:b/><w:bCs/>"),
    ("TOCHeading", "TOC Heading", "Heading1", "TOC1", "<w:pageBreakBefore/>", ""),
    (
        "TOC1",
        "toc 1",
        "Normal",
        "TOC2",
        '<w:keepNext/><w:spacing w:before="240" w:after="60"/>',
        f'<w:b/><w:bCs/><w:color w:val="{BLUE}"/>',
    ),
    (
        "TOC2",
        "toc 2",
        "Normal",
        None,
        f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="284"/>',
        "",
    ),
]
"""The styles of a session's booklet (`ipu booklet`), which is written on the decision's template:
its cover and its contents."""
CHARACTER_STYLES = [
    ("FootnoteReference", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
    ("BoxLabel", "Box Label", "<w:b/><w:bCs/>"),
    ("CarriedOver", "Carried Over", '<w:b/><w:bCs/><w:shd w:val="clear" w:color="auto" w:fill="FFE97F"/>'),
]


def _styles(tag: str, kind: str = "decision") -> str:
    out = [
        f"{XML}<w:styles {NS}>",
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>",
    ]
    for style_id, name, based, following, ppr, rpr in PARAGRAPH_STYLES + (
        BOOKLET_STYLES if kind == "decision" else []
    ):
        default = ' w:default="1"' if style_id == "Normal" else ""
        custom = "" if name[0].islower() or style_id == "Normal" else ' w:customStyle="1"'
        out.append(
            f'<w:style w:type="paragraph"{default}{custom} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + (f'<w:next w:val="{following}"/>' if following else "")
            + "<w:qFormat/>"
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
            + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
            + "</w:style>"
        )
    out.append(
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    )
    for style_id, name, rpr in CHARACTER_STYLES:
        custom = "" if name[0].islower() else ' w:customStyle="1"'
        out.append(
            f'<w:style w:type="character"{custom} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>'
        )
    out.append(
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    )
    border = f'w:val="single" w:sz="8" w:space="0" w:color="{BLUE}"'
    out.append(
        '<w:style w:type="table" w:customStyle="1" w:styleId="CaseBox"><w:name w:val="Case Box"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        f"<w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>"
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BOX}"/></w:tcPr></w:style>'
    )
    out.append(
        '<w:style w:type="table" w:customStyle="1" w:styleId="CaseColumns"><w:name w:val="Case Columns"/>'
        '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>'
        '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="120" w:type="dxa"/><w:right w:w="227" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    out.append(
        '<w:style w:type="table" w:customStyle="1" w:styleId="Letterhead"><w:name w:val="Letterhead"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
        f'<w:bottom w:val="single" w:sz="18" w:space="0" w:color="{BLUE}"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr></w:style>'
    )
    out.append(
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    )
    out.append("</w:styles>")
    return "".join(out)


# --- numbering: operative paragraphs 1. 2. 3. with sub-items (a) (b); dashes; bullets -----


def _level(ilvl: int, fmt: str, text: str, style: str, left: int, hanging: int) -> str:
    font = f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/><w:b w:val="0"/><w:i w:val="0"/></w:rPr>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/>'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
    )


def _numbering() -> str:
    return (
        f"{XML}<w:numbering {NS}>"
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
        + _level(0, "decimal", "%1.", "OperativeParagraph", 567, 567)
        + _level(1, "lowerLetter", "(%2)", "OperativeSubitem", 1134, 567)
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>'
        + _level(0, "bullet", "–", "BoxItem", 567, 283)
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="singleLevel"/>'
        + _level(0, "bullet", "•", "LetterList", 567, 283)
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
        "</w:numbering>"
    )


# --- parts ------------------------------------------------------------------------------


def _p(style: str, *runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{"".join(runs)}</w:p>'


def _r(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def _header(*content: str) -> str:
    return f"{XML}<w:hdr {NS}>{''.join(content)}</w:hdr>"


def _footer(*content: str) -> str:
    return f"{XML}<w:ftr {NS}>{''.join(content)}</w:ftr>"


LOGO_EMU = 576000  # 1.6 cm
LETTERHEAD = {
    "en": (
        "Inter-Parliamentary Union",
        "For democracy. For everyone.",
        ["Chemin du Pommier 5", "CH-1218 Le Grand-Saconnex / Geneva", "Switzerland", "www.ipu.org"],
    ),
    "fr": (
        "Union interparlementaire",
        "Pour la démocratie. Pour tous.",
        ["Chemin du Pommier 5", "CH-1218 Le Grand-Saconnex / Genève", "Suisse", "www.ipu.org"],
    ),
}
"""The letterhead's name, tagline and address in each language (the HTML letter's are in
templates/letter-base.html.j2)."""


def _logo_run() -> str:
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{LOGO_EMU}" cy="{LOGO_EMU}"/>'
        '<wp:docPr id="1" name="Logo" descr="Inter-Parliamentary Union (placeholder emblem: replace with the logo)"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{LOGO_EMU}" cy="{LOGO_EMU}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def _letterhead(lang: str) -> str:
    """The first page's header of a letter: page mark, then logo | name and tagline | address."""
    name, tagline, lines = LETTERHEAD[lang]

    def cell(width: int, *paragraphs: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{"".join(paragraphs)}</w:tc>'

    address = [_p("LetterheadAddress", _r(line)) for line in lines]
    return (
        _p("PageMark") + '<w:tbl><w:tblPr><w:tblStyle w:val="Letterhead"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="1134"/><w:gridCol w:w="4536"/><w:gridCol w:w="3742"/></w:tblGrid>'
        "<w:tr>"
        + cell(1134, _p("Header", _logo_run(), ppr='<w:spacing w:after="60"/>'))
        + cell(
            4536,
            _p("LetterheadName", _r(name)),
            _p("LetterheadTagline", _r(tagline), ppr='<w:spacing w:after="60"/>'),
        )
        + cell(3742, *address[:-1], _p("LetterheadAddress", _r(lines[-1]), ppr='<w:spacing w:after="60"/>'))
        + "</w:tr></w:tbl>"
        + _p("Header")
    )


def _png(size: int = 192) -> bytes:
    """A placeholder emblem (a blue globe), drawn here so the template needs no image file.

    The secretariat replaces it with the IPU logo in Word (right-click > Change Picture).
    """
    scale = 3
    rows = []
    centre = size / 2
    radius = size / 2 - 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            covered = ink = 0
            for sy in range(scale):
                for sx in range(scale):
                    px = x + (sx + 0.5) / scale - centre
                    py = y + (sy + 0.5) / scale - centre
                    if px * px + py * py > radius * radius:
                        continue
                    covered += 1
                    band = radius * 0.045
                    meridian = abs((px / (radius * 0.42)) ** 2 + (py / radius) ** 2 - 1) < 0.09
                    lines = any(abs(py - k * radius) < band for k in (-0.45, 0, 0.45)) or abs(px) < band
                    if meridian or lines:
                        ink += 1
            alpha = 255 * covered // (scale * scale)
            white = ink / covered if covered else 0
            red, green, blue = (int(c + (255 - c) * white) for c in (0x00, 0x3B, 0x71))
            row += bytes([red, green, blue, alpha])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


SPECIMEN = {
    "decision": [
        ("Masthead", "Template of ipu's Word decisions"),
        (
            "Tagline",
            "ipu keeps this file's styles, numbering, page settings, header and footer, clears this "
            "text and writes each decision with the styles shown below. Restyle them in Word "
            "(Home > Styles > Modify) and save under the same name; do not rename them.",
        ),
        ("Heading1", "Heading 1: the country"),
        ("DecisionHeader", "Decision Header: Decision adopted by ... at its ... session (...)"),
        ("CaseList", "Case List: one line per MP, in the two cells of a table of style Case Columns"),
        ("Heading2", "Heading 2: Alleged human rights violations; A. Summary of the case; B. Decision"),
        ("Checklist", "✓\tChecklist: an alleged violation (its notes are footnotes, style footnote text)"),
        ("BoxTitle", "Box Title: Case ... (the case box is a table of style Case Box)"),
        ("BoxLine", "Box Line: a line of the case box; labels in character style Box Label"),
        ("BoxItem", "Box Item: a follow-up line of the case box"),
        ("Normal", "Normal: the summary of the case."),
        ("DecisionIntro", "Decision Intro: The Committee on the Human Rights of Parliamentarians"),
        ("OperativeParagraph", "Operative Paragraph: numbered by Word; the verb in italics"),
        ("OperativeSubitem", "Operative Sub-item: lettered (a), (b) by Word"),
        ("CoverBody", "Cover Body: a session booklet's cover (ipu booklet): the body"),
        ("CoverTitle", "Cover Title: Decisions adopted at its ... session"),
        ("CoverLine", "Cover Line: the place and dates"),
        ("CoverSymbol", "Cover Symbol: the document symbol"),
        ("TOCHeading", "TOC Heading: Contents (on a new page)"),
        ("TOC1", "toc 1: a region"),
        ("TOC2", "toc 2: a decision of the contents, its page number after a tab"),
    ],
    "letter": [
        ("DateLine", "Date Line: Geneva, 3 March 2026"),
        ("Addressee", "Addressee: the addressee block, one line per paragraph"),
        ("ReferenceLine", "Reference Line: Ref.: ..."),
        (
            "LetterText",
            "Letter Text: the body. ipu keeps this file's styles, numbering, page settings, "
            "header (the letterhead: logo and address on the first page) and footer, clears "
            "this text and writes each letter with these styles.",
        ),
        ("LetterList", "Letter List: what the decision asks"),
        ("Closing", "Closing: Yours sincerely,"),
        ("SignatureName", "Signature Name"),
        ("SignatureTitle", "Signature Title"),
        ("EnclosureLine", "Enclosure Line: Enclosure: ..."),
        ("EnclosureHeading", "Enclosure Heading: starts the enclosed decision on a new page"),
        ("Heading1", "Heading 1: the country"),
        ("DecisionHeader", "Decision Header"),
        ("DecisionIntro", "Decision Intro"),
        ("OperativeParagraph", "Operative Paragraph"),
        ("OperativeSubitem", "Operative Sub-item"),
    ],
}


def build(kind: str, lang: str = "en") -> bytes:
    """The bytes of templates/<kind>.docx (kind: decision or letter), or <kind>.<lang>.docx."""
    letter = kind == "letter"
    tag = LANGUAGE_TAGS[lang]  # the template's; ipu sets each document's own from its `lang`
    body = "".join(_p(style, _r(text)) for style, text in SPECIMEN[kind])
    refs = '<w:headerReference w:type="default" r:id="rIdHeader"/>'
    refs += '<w:footerReference w:type="default" r:id="rIdFooter"/>'
    if letter:
        refs += '<w:headerReference w:type="first" r:id="rIdFirstHeader"/>'
        refs += '<w:footerReference w:type="first" r:id="rIdFirstFooter"/>'
    sect = (
        f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1361" w:header="567" w:footer="567" w:gutter="0"/>'
        f'<w:cols w:space="454"/>{"<w:titlePg/>" if letter else ""}<w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    parts: dict[str, bytes | str] = {
        "word/document.xml": f"{XML}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>",
        "word/styles.xml": _styles(tag, kind),
        "word/numbering.xml": _numbering(),
        "word/settings.xml": (
            f"{XML}<w:settings {NS}><w:zoom w:percent='100'/><w:defaultTabStop w:val='567'/>"
            "<w:characterSpacingControl w:val='doNotCompress'/>"
            "<w:footnotePr><w:footnote w:id='-1'/><w:footnote w:id='0'/></w:footnotePr>"
            "<w:compat><w:compatSetting w:name='compatibilityMode' w:uri='http://schemas.microsoft.com/office/word' w:val='15'/></w:compat>"
            f"<w:themeFontLang w:val='{tag}'/><w:decimalSymbol w:val='.'/><w:listSeparator w:val=','/></w:settings>"
        ).replace("'", '"'),
        "word/footnotes.xml": (
            f"{XML}<w:footnotes {NS}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            "</w:footnotes>"
        ),
        "word/header1.xml": _header(_p("PageMark")),
        "word/footer1.xml": _footer(_p("Footer", PAGE_FIELD)),
    }
    rels = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFootnotes", "footnotes", "footnotes.xml"),
        ("rIdHeader", "header", "header1.xml"),
        ("rIdFooter", "footer", "footer1.xml"),
    ]
    overrides = [
        ("/word/document.xml", "document.main"),
        ("/word/styles.xml", "styles"),
        ("/word/numbering.xml", "numbering"),
        ("/word/settings.xml", "settings"),
        ("/word/footnotes.xml", "footnotes"),
        ("/word/header1.xml", "header"),
        ("/word/footer1.xml", "footer"),
    ]
    if letter:
        parts["word/header2.xml"] = _header(_letterhead(lang))
        parts["word/footer2.xml"] = _footer(_p("Footer"))
        parts["word/_rels/header2.xml.rels"] = (
            f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdLogo" Type="{REL}/image" Target="media/logo.png"/></Relationships>'
        )
        parts["word/media/logo.png"] = _png()
        rels += [("rIdFirstHeader", "header", "header2.xml"), ("rIdFirstFooter", "footer", "footer2.xml")]
        overrides += [("/word/header2.xml", "header"), ("/word/footer2.xml", "footer")]
    parts["word/_rels/document.xml.rels"] = (
        f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{REL}/{kind_}" Target="{target}"/>'
            for rid, kind_, target in rels
        )
        + "</Relationships>"
    )
    title = "Decision" if kind == "decision" else "Letter"
    parts["docProps/core.xml"] = (
        f'{XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{title} of the Inter-Parliamentary Union</dc:title><dc:creator>Inter-Parliamentary Union</dc:creator>"
        f"<dc:language>{tag}</dc:language></cp:coreProperties>"
    )
    parts["docProps/app.xml"] = (
        f'{XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>ipu</Application></Properties>"
    )
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts["[Content_Types].xml"] = (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        + "".join(
            f'<Override PartName="{name}" ContentType="{wml}.{kind_}+xml"/>' for name, kind_ in overrides
        )
        + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    parts["_rels/.rels"] = (
        f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    return _zip(parts)


def _zip(parts: dict[str, bytes | str]) -> bytes:
    """A deterministic zip: [Content_Types].xml first, the rest sorted, fixed timestamps."""
    import io

    buffer = io.BytesIO()
    names = ["[Content_Types].xml", *sorted(n for n in parts if n != "[Content_Types].xml")]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            data = parts[name]
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "templates"
    for kind, lang in TEMPLATES:
        target = folder / (f"{kind}.docx" if lang == "en" else f"{kind}.{lang}.docx")
        target.write_bytes(build(kind, lang))
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
