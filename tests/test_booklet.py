"""`ipu booklet`: a session's decisions in one document, its contents checked against them."""

from __future__ import annotations

import io
import re
import zipfile

from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines
from ipu_cli.domain.words import capitalise, number_words

CONTENTS = re.compile(r"^- \[(.+)\]\(#(decision-[\w-]+)\)$")


def contents(markdown: str) -> list[tuple[str, str, str]]:
    """(region, label, anchor) for each contents line of a Markdown booklet."""
    out = []
    region = ""
    section = markdown.split("## Contents\n", 1)[1].split("<!-- page-break -->", 1)[0]
    for line in section.splitlines():
        if line.startswith("### "):
            region = line[4:]
        elif match := CONTENTS.match(line):
            out.append((region, match.group(1), match.group(2)))
    return out


def decisions(markdown: str) -> dict[str, str]:
    """Each decision's text in a Markdown booklet, by the anchor before it."""
    parts = markdown.split("<!-- page-break -->\n\n")[2:]
    out = {}
    for part in parts:
        anchor, _, text = part.partition("\n\n")
        out[re.fullmatch(r'<a id="([\w-]+)"></a>', anchor).group(1)] = text.rstrip("\n")
    return out


def test_booklet_of_the_179th_session(repo, ipu) -> None:
    result = ipu("booklet", "--session", "179")
    assert (result.code, result.err) == (0, "")
    booklet = result.out
    assert booklet.split("<!-- page-break -->", 1)[0] == (
        "Inter-Parliamentary Union\n\n"
        "For democracy. For everyone.\n\n"
        "# Committee on the Human Rights of Parliamentarians\n\n"
        "Decisions adopted at its 179th session\n\n"
        "Geneva, 2 to 18 February 2026\n\n"  # no symbol: data/sessions.yaml does not hold it
    )
    assert contents(booklet) == [("Asia", "Cambodia: 38 parliamentarians", "decision-KHM-COLL-03")]
    adopted = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted").out
    assert adopted.count("\nKHM-") == 38
    assert decisions(booklet) == {"decision-KHM-COLL-03": adopted.rstrip("\n")}


def test_booklet_in_html_and_word(repo, ipu, tmp_path) -> None:
    html = ipu("booklet", "--session", "179", "--format", "html")
    assert (html.code, html.err) == (0, "")
    assert '<li><a href="#decision-KHM-COLL-03">Cambodia: 38 parliamentarians</a></li>' in html.out
    page = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "-f", "html").out
    body = page.split("<body>\n", 1)[1].split("</body>", 1)[0].rstrip("\n")
    assert f'<section class="decision" id="decision-KHM-COLL-03">\n{body}\n</section>' in html.out
    assert html.out.count("<section ") == 1
    assert "target-counter(attr(href url), page)" in html.out  # page numbers in paged media

    target = tmp_path / "booklet.docx"
    word = ipu("booklet", "--session", "179", "-o", str(target))
    assert (word.code, word.out, word.err) == (0, "", f"ipu: wrote {target}\n")
    markdown = ipu("booklet", "--session", "179").out
    assert docx_plain_lines(target.read_bytes()) == markdown_plain_lines(markdown)
    xml = zipfile.ZipFile(io.BytesIO(target.read_bytes())).read("word/document.xml").decode()
    # the bookmark where the decision starts (Word's names: a letter, then letters, digits, _)
    assert xml.count('w:name="decision_1"') == 1
    assert " PAGEREF decision_1 \\h " in xml  # the contents' page number, filled in by Word
    settings = zipfile.ZipFile(io.BytesIO(target.read_bytes())).read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings
    # the contents start a page (their heading's style), each decision is a section of its own
    styles = zipfile.ZipFile(io.BytesIO(target.read_bytes())).read("word/styles.xml").decode()
    toc = styles.split('w:styleId="TOCHeading"', 1)[1].split("</w:style>", 1)[0]
    assert "<w:pageBreakBefore/>" in toc
    assert xml.count("<w:sectPr>") == 2  # the cover and contents; the one decision


def test_synthetic_booklet_contents_match_its_decisions(synthetic, ipu) -> None:
    result = ipu("booklet", "--session", "180")
    assert result.code == 0
    # drafts that only repeat the last decision are flagged, one line per case, as draft-decision does
    assert [line.split(":")[2].strip() for line in result.err.splitlines()] == [
        "COD-COLL-01",
        "HND-COLL-02",
        "LBY-12",
        "MDA-COLL-01",
        "PHL-08",
    ]
    assert all("word for word" in line for line in result.err.splitlines())
    booklet = result.out
    assert booklet.startswith("**DRAFT**\n\nInter-Parliamentary Union\n")
    assert "\n\nDraft decisions for its 180th session\n\nApril 2026\n\nSYN/CHRP/180\n\n" in booklet
    assert contents(booklet) == [
        ("Africa", "Democratic Republic of the Congo: 64 parliamentarians", "decision-COD-COLL-01"),
        ("Americas", "Honduras: Five parliamentarians", "decision-HND-COLL-02"),
        ("Asia", "Philippines: Ms. Lorna Ibarra-Quintos", "decision-PHL-08"),
        ("Europe", "Republic of Moldova: Four parliamentarians", "decision-MDA-COLL-01"),
        ("Middle East and North Africa", "Libya: Ms. Salma Bin Ghalbun", "decision-LBY-12"),
        ("South Pacific", "Fiji: Six parliamentarians", "decision-FJI-COLL-01-FJI-COLL-02"),
    ]
    parts = decisions(booklet)
    assert list(parts) == [anchor for _, _, anchor in contents(booklet)]
    for anchor, text in parts.items():
        joint = {"decision-FJI-COLL-01-FJI-COLL-02": ["FJI-COLL-01", "FJI-COLL-02"]}
        ids = joint.get(anchor, [anchor.removeprefix("decision-")])
        alone = ipu("draft-decision", *ids, "--session", "180")
        assert text == alone.out.rstrip("\n"), anchor
        listed = sum(1 for line in text.splitlines() if re.match(r"^[A-Z]{3}-\d+ - ", line))
        label = next(label for _, label, a in contents(booklet) if a == anchor)
        if label.split(": ", 1)[1].endswith(" parliamentarians"):
            # under ten in words, capitalised, as the IPU's contents print it ("Uganda: Five
            # parliamentarians", "Venezuela: 134 parliamentarians")
            assert label.endswith(f": {capitalise(number_words(listed))} parliamentarians"), anchor


def test_booklet_of_past_session_prints_what_was_adopted(synthetic, ipu) -> None:
    booklet = ipu("booklet", "--session", "179").out
    assert not booklet.startswith("**DRAFT**")
    assert contents(booklet) == [
        ("Africa", "Democratic Republic of the Congo: 64 parliamentarians", "decision-COD-COLL-01"),
        ("Middle East and North Africa", "Libya: Ms. Salma Bin Ghalbun", "decision-LBY-12"),
        ("South Pacific", "Fiji: Mr. Semesa Naulumatua", "decision-FJI-14"),
        ("South Pacific", "Fiji: Three parliamentarians", "decision-FJI-COLL-01"),
    ]
    assert "**DRAFT**" not in booklet


def test_confidential_cases_only_on_request(synthetic, ipu) -> None:
    path = synthetic / "cases/LBY/LBY-12.yaml"
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    public = ipu("booklet", "--session", "179")
    assert public.code == 0
    assert public.err == (
        "ipu: left out LBY-12: confidential (use --include-confidential for internal use)\n"
    )
    assert "Libya" not in public.out and "Bin Ghalbun" not in public.out
    internal = ipu("booklet", "--session", "179", "--include-confidential")
    assert (internal.code, internal.err) == (0, "")
    assert internal.out.startswith("**CONFIDENTIAL**\n\n")
    assert ("Middle East and North Africa", "Libya: Ms. Salma Bin Ghalbun", "decision-LBY-12") in contents(
        internal.out
    )


def test_usage_errors(repo, ipu) -> None:
    assert ipu("booklet").err == "ipu: --session N is required\n"
    unknown = ipu("booklet", "--session", "150")
    assert (unknown.code, unknown.err) == (
        2,
        "ipu: session committee-150 is not in data/sessions.yaml (known: committee-171, committee-179, "
        "committee-180)\n",
    )
    word = ipu("booklet", "--session", "179", "-f", "docx")
    assert (word.code, word.err) == (2, "ipu: Word output is a file: give -o FILE.docx\n")


def test_a_decision_that_cannot_be_made_refuses_the_booklet(synthetic, ipu, tmp_path) -> None:
    path = synthetic / "cases/FJI/FJI-COLL-02.yaml"
    draft = "draft:\n  session: committee-180\n  paragraphs:\n    - verb: Decides\n      text: to go on.\n\n"
    path.write_text(path.read_text().replace("status:\n", draft + "status:\n", 1))
    target = tmp_path / "booklet.md"
    result = ipu("booklet", "--session", "180", "-o", str(target))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "ipu: FJI-COLL-01 and FJI-COLL-02 each hold a draft block for committee-180; a joint decision has "
        "one text: keep the paragraphs in one case, and `joint_with` naming the others\n"
        "ipu: 1 decision could not be made; nothing written\n"
    )
    assert not target.exists()


def test_a_public_decision_joint_with_a_confidential_case_refuses_the_booklet(
    synthetic, ipu, tmp_path
) -> None:
    """FJI-COLL-01's draft is joint with FJI-COLL-02: made confidential, the booklet cannot print
    FJI-COLL-01's decision whole, so it refuses, as `draft-decision --all` does (it used to drop
    FJI-COLL-01 too, saying only that FJI-COLL-02 was left out); validate says why beforehand."""
    path = synthetic / "cases/FJI/FJI-COLL-02.yaml"
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    checked = ipu("validate")
    assert (checked.code, checked.out) == (
        1,
        "cases/FJI/FJI-COLL-01.yaml:103:16: error joint-decision joint case FJI-COLL-02 is confidential and "
        "FJI-COLL-01 public: no public output can print their joint decision\n",
    )
    target = tmp_path / "booklet.docx"
    result = ipu("booklet", "--session", "180", "-o", str(target))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "ipu: FJI-COLL-01: FJI-COLL-02 is confidential; pass --include-confidential to produce it for internal use\n"
        "ipu: 1 decision could not be made; nothing written\n"
    )
    assert not target.exists()
    internal = ipu("booklet", "--session", "180", "--include-confidential")  # invalid data: refused too
    assert (internal.code, internal.out) == (1, "")
    assert internal.err == (
        "cases/FJI/FJI-COLL-01.yaml:103:16: error joint-decision joint case FJI-COLL-02 is confidential and "
        "FJI-COLL-01 public: no public output can print their joint decision\n"
        "ipu: FJI-COLL-01: cannot make the decision: cases/FJI/FJI-COLL-01.yaml has errors (see 'ipu validate')\n"
        "ipu: 1 decision could not be made; nothing written\n"
    )


def test_a_joint_case_that_cannot_be_read_is_named_with_its_problem(synthetic, ipu) -> None:
    """FJI-COLL-01's draft is joint with FJI-COLL-02, whose file cannot be read: the refusal
    shows that file's located problem (it said only "has no readable case file")."""
    path = synthetic / "cases/FJI/FJI-COLL-02.yaml"
    draft = "draft:\n  session: committee-180\n  joint_with: [FJI-COLL-01]\n\n"
    path.write_text(path.read_text().replace("status:\n", draft + "status:\n", 1))
    result = ipu("draft-decision", "FJI-COLL-01", "--session", "180")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cases/FJI/FJI-COLL-02.yaml:37:3: error missing-field missing required field 'paragraphs' in draft\n"
        "ipu: FJI-COLL-01: joint case FJI-COLL-02 has no readable case file\n"
    )


def test_a_decision_joint_with_itself_or_naming_a_stranger_in_membership_is_refused(synthetic, ipu) -> None:
    """Errors validate reports on a group's file (it printed the decision anyway, exit 0)."""
    path = synthetic / "cases/FJI/FJI-COLL-01.yaml"
    original = path.read_text()
    path.write_text(original.replace("joint_with: [FJI-COLL-02]", "joint_with: [FJI-COLL-01]"))
    itself = ipu("draft-decision", "FJI-COLL-01", "--session", "180")
    assert (itself.code, itself.out, itself.err) == (
        1,
        "",
        "cases/FJI/FJI-COLL-01.yaml:103:16: error joint-decision a decision is joint with other cases, not with "
        "FJI-COLL-01 itself\n"
        "ipu: cannot make the decision: cases/FJI/FJI-COLL-01.yaml has errors (see 'ipu validate')\n",
    )
    path.write_text(original.replace("  - member: FJI-15\n    joined:", "  - member: FJI-99\n    joined:"))
    stranger = ipu("booklet", "--session", "179")
    assert (stranger.code, stranger.out, stranger.err) == (
        1,
        "",
        "cases/FJI/FJI-COLL-01.yaml:21:13: error membership-not-member 'FJI-99' is not among the members of "
        "FJI-COLL-01; did you mean 'FJI-11'?\n"
        "ipu: FJI-COLL-01: cannot make the decision: cases/FJI/FJI-COLL-01.yaml has errors (see 'ipu validate')\n"
        "ipu: 1 decision could not be made; nothing written\n",
    )
