"""`ipu draft-decision`: the golden KHM-COLL-03 decision, drafts, formats, rules."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ipu_cli.documents import decision
from ipu_cli.domain.datafiles import Session
from ipu_cli.domain.dates import PartialDate

GOLDEN = Path(__file__).parent / "golden"
SEED = (
    Path(os.environ.get("IPU_SEEDS") or Path(__file__).resolve().parents[2] / "shared" / "seeds")
    / "KHM-COLL-03-decision-179th-session.txt"
)
"""The published decision: ../shared/seeds beside the clone, or wherever $IPU_SEEDS says."""


CARRIED_180 = (
    "ipu: warning: KHM-COLL-03: the draft repeats the decision adopted at committee-179 word for word "
    "(9 paragraphs marked '(carried over)'); start the case's draft block with "
    "'ipu start-draft KHM-COLL-03 --session 180' and edit it\n"
)
"""What a 180th-session draft without a draft block says: its text is the 179th's, unedited."""


def _lines(markdown: str) -> list[str]:
    """Non-empty lines with bold markers removed (the seed has no markup for bold)."""
    return [line.replace("**", "").strip() for line in markdown.splitlines() if line.strip()]


# --- the golden decision ----------------------------------------------------------------


def test_adopted_179_matches_golden_file(repo: Path, ipu) -> None:
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted")
    assert result.code == 0
    assert result.err == ""
    assert result.out == (GOLDEN / "KHM-COLL-03-committee-179-adopted.md").read_text(encoding="utf-8")


def test_draft_180_matches_golden_file(repo: Path, ipu) -> None:
    """The golden draft differs from the decision it starts from in its header (a draft for the
    coming session) and the carried-over marks of its paragraphs."""
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert result.code == 0, result.err
    assert result.err == CARRIED_180
    assert result.out == (GOLDEN / "KHM-COLL-03-committee-180-draft.md").read_text(encoding="utf-8")
    lines = _lines(result.out)
    assert lines[0] == "DRAFT"
    assert lines[4] == (
        "Draft decision for the 180th session of the Committee on the Human Rights of Parliamentarians (April 2026)"
    )
    assert not any(line.startswith("Decision adopted") for line in lines)
    assert "Recent IPU decision: February 2026" in lines
    # the draft starts from the 179th-session text, the latest adopted with paragraphs, marked
    assert "9. (carried over) *Decides* to continue examining this case." in lines
    assert sum(line.startswith(f"{n}. (carried over) *") for n in range(1, 10) for line in lines) == 9


def _seed_parts(text: str) -> dict[str, list[str]]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # The published text has a typo on one line ("KHM-59- Um Sam Am"); the house style is
    # "KHM-59 - Um Sam Am", which is what we compare with.
    lines = ["KHM-59 - Um Sam Am" if line == "KHM-59- Um Sam Am" else line for line in lines]
    start = lines.index("Case KHM-COLL-03")
    end = next(i for i, line in enumerate(lines) if line.startswith("- Communication to the complainant"))
    return {
        "header": [line for line in lines if line.startswith("Decision adopted")],
        "cases": [line for line in lines if re.match(r"^[A-Z]{3}-\d+ - ", line)],
        "checklist": [line for line in lines if line.startswith("- ✓ ")],
        "footnotes": [line for line in lines if line[:1] in "¹²³"],
        "box": lines[start : end + 1],
        "paragraphs": [line for line in lines if re.match(r"^\d+\. \*", line)],
        "items": [line.removeprefix("- ") for line in lines if re.match(r"^- \([a-z]\) ", line)],
        "headings": [line for line in lines if line in ("A. Summary of the case", "B. Decision")],
    }


def _ours(markdown: str) -> dict[str, list[str]]:
    lines = _lines(markdown)
    parts = _seed_parts("\n".join(lines))
    parts["headings"] = [
        line.lstrip("# ") for line in lines if line.startswith("## ") and line[3:5] in ("A.", "B.")
    ]
    parts["items"] = [line.removeprefix("- ") for line in lines if re.match(r"^- \([a-z]\) ", line)]
    return parts


def test_adopted_179_reproduces_the_published_seed(repo: Path, ipu) -> None:
    if not SEED.exists():
        pytest.skip(f"seed not available at {SEED} (check out ../shared beside the clone, or set IPU_SEEDS)")
    seed = _seed_parts(SEED.read_text(encoding="utf-8"))
    ours = _ours(ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted").out)
    assert len(seed["cases"]) == 38 and len(seed["checklist"]) == 12 and len(seed["footnotes"]) == 3
    for part in ("header", "cases", "checklist", "footnotes", "box", "paragraphs", "items", "headings"):
        assert ours[part] == seed[part], part


def test_golden_file_holds_the_seed_counts() -> None:
    ours = _ours((GOLDEN / "KHM-COLL-03-committee-179-adopted.md").read_text(encoding="utf-8"))
    assert len(ours["cases"]) == 38
    assert len(ours["checklist"]) == 12
    assert [line[0] for line in ours["footnotes"]] == ["¹", "²", "³"]
    assert len(ours["box"]) == 13
    assert len(ours["paragraphs"]) == 9


# --- formats -----------------------------------------------------------------------------


def test_html_is_standalone_print_ready(repo: Path, ipu, tmp_path: Path) -> None:
    target = tmp_path / "d.html"
    assert ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(target)).code == 0
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in html
    assert "<em>Reaffirms</em>" in html
    assert "sentences handed down <em>in absentia</em>" in html
    assert "<link" not in html and "<script" not in html
    # DRAFT once on every printed page (fixed), above the box, not a banner in the text
    assert html.count('<div class="page-mark" aria-hidden="true">DRAFT</div>') == 1
    assert "position: fixed" in html and "z-index: 10" in html
    assert 'class="banner"' not in html
    # a long box breaks between its lines instead of leaving a page blank
    assert (
        "break-inside: auto" in html
        and ".box p, .box li { margin: 0 0 1.5mm 0; break-inside: avoid; }" in html
    )
    assert html.count('<span class="carried">(carried over)</span>') == 9


def test_html_escapes_values(repo: Path, ipu) -> None:
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    path.write_text(path.read_text().replace("name: Mu Sochua", "name: Mu <script>alert(1)</script>"))
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "-f", "html")
    assert result.code == 0, result.err
    assert "<script>" not in result.out
    assert "KHM-48 - Mu &lt;script&gt;alert(1)&lt;/script&gt; (Ms.)" in result.out


def test_docx_needs_an_output_file(repo: Path, ipu) -> None:
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-f", "docx")
    assert (result.code, result.out, result.err) == (2, "", "ipu: Word output is a file: give -o FILE.docx\n")


# --- rules -------------------------------------------------------------------------------


def test_confidential_case_refused_then_marked(repo: Path, ipu) -> None:
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    refused = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "ipu: KHM-COLL-03 is confidential; pass --include-confidential to produce it for internal use\n"
    )
    allowed = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--confidential")
    assert allowed.err == CARRIED_180
    lines = _lines(allowed.out)
    assert lines[:2] == ["CONFIDENTIAL", "DRAFT"] and lines[-1] == "CONFIDENTIAL"
    html = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--confidential", "-f", "html").out
    assert '<div class="page-mark" aria-hidden="true">CONFIDENTIAL<br>DRAFT</div>' in html
    assert (
        ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--include-confidential").out == allowed.out
    )
    refused = ipu("draft-decision", "CMBD/60", "--session", "180")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "ipu: KHM-60 is examined in KHM-COLL-03; drafting the group's decision\n"
        "ipu: KHM-COLL-03 is confidential; pass --include-confidential to produce it for internal use\n"
    )


def test_missing_box_data_prints_dashes_and_warns(repo: Path, ipu) -> None:
    path = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = path.read_text()
    text = text.replace("complaint:\n  sections: [I.1(c)]\n  submitted: 2011-11\n", "")
    path.write_text(text)
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert result.code == 0
    assert "Qualified complainant(s): - - -" in result.out
    assert "Submission of complaint: - - -" in result.out
    assert result.err == CARRIED_180 + (
        "ipu: warning: KHM-COLL-03: 'Qualified complainant(s)' printed as '- - -': the case has no complaint\n"
        "ipu: warning: KHM-COLL-03: 'Submission of complaint' printed as '- - -': the case has no complaint\n"
    )


def test_unknown_case_and_session(repo: Path, ipu) -> None:
    result = ipu("draft-decision", "KHM-COLL-09", "--session", "179")
    assert (result.code, result.err) == (
        1,
        "ipu: no case KHM-COLL-09; did you mean 'KHM-COLL-03'?\n",
    )
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "999")
    assert result.code == 2
    assert result.err == (
        "ipu: session committee-999 is not in data/sessions.yaml (known: committee-171, committee-179, committee-180)\n"
    )
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--adopted")
    assert result.code == 1
    assert result.err == (
        "ipu: KHM-COLL-03 has no decision adopted at committee-180 (decisions: committee-171, committee-179)\n"
    )


def test_member_of_a_group_is_drafted_through_the_group(repo: Path, ipu) -> None:
    group = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted")
    result = ipu("draft-decision", "khm60", "--session", "179", "--adopted")
    assert (result.code, result.out) == (0, group.out)
    assert result.err == "ipu: KHM-60 is examined in KHM-COLL-03; drafting the group's decision\n"


def test_individual_case_renders_from_its_own_file(repo: Path, ipu) -> None:
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    text = path.read_text().replace("collectives: [KHM-COLL-03]\n", "")
    text += (
        "complaint:\n  sections: [I.1(a), I.1(c)]\n  submitted: 2019-05\n"
        "decisions:\n  - session: committee-179\n    adopted: 2026-02\n"
        "    paragraphs:\n      - {verb: Decides, text: to continue examining this case.}\n"
    )
    path.write_text(text)
    group = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    group.write_text(group.read_text().replace("  - KHM-48\n", ""))
    result = ipu("draft-decision", "KHM-48", "--session", "180")
    assert result.code == 0, result.err
    lines = _lines(result.out)
    assert "KHM-48 - Mu Sochua (Ms.)" in lines
    assert "Victim: Female former opposition member of parliament" in lines
    assert "Qualified complainant(s): Section I.1(a) and (c) of the Committee Procedure (Annex I)" in lines
    assert "- ✓ Arbitrary arrest and detention¹" in lines
    assert "¹ Alleged violation which applied in the past only." in lines
    assert "Recent IPU decision: February 2026" in lines
    assert "Communication from the authorities: - - -" in " ".join(lines)


def test_all_writes_each_agenda_case_and_an_index(repo: Path, ipu, tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    result = ipu("draft-decision", "--session", "180", "--all", "-o", str(out))
    assert (result.code, result.out) == (0, "")
    assert result.err == CARRIED_180 + f"ipu: wrote 1 decision and index.md to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["KHM-COLL-03-committee-180.md", "index.md"]
    assert (out / "index.md").read_text() == (
        "# Decisions for the 180th session of the Committee on the Human Rights of Parliamentarians"
        " (April 2026)\n\n"
        "- [KHM-COLL-03](KHM-COLL-03-committee-180.md) - Cambodia\n"
    )


def test_all_as_html_writes_an_html_index(repo: Path, ipu, tmp_path: Path) -> None:
    """HTML drafts get an index a browser opens, linking the .html files."""
    out = tmp_path / "drafts"
    result = ipu("draft-decision", "--session", "180", "--all", "-f", "html", "-o", str(out))
    assert (result.code, result.out) == (0, "")
    assert result.err == CARRIED_180 + f"ipu: wrote 1 decision and index.html to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["KHM-COLL-03-committee-180.html", "index.html"]
    assert (out / "index.html").read_text() == (
        '<!DOCTYPE html>\n<html lang="en">\n'
        '<head><meta charset="utf-8"><title>Decisions for the 180th session of the Committee on the Human '
        "Rights of Parliamentarians (April 2026)</title></head>\n"
        "<body>\n<h1>Decisions for the 180th session of the Committee on the Human Rights of "
        "Parliamentarians (April 2026)</h1>\n<ul>\n"
        '<li><a href="KHM-COLL-03-committee-180.html">KHM-COLL-03</a> – Cambodia</li>\n'
        "</ul>\n</body>\n</html>\n"
    )


def test_missing_template_variable_names_template_line_and_variable(repo: Path, ipu) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "decision.md.j2").write_text("# {{ country }}\n\n{{ no_such_value }}\n")
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert (result.code, result.out) == (1, "")
    assert result.err == "ipu: templates/decision.md.j2, line 3: 'no_such_value' is undefined\n"
    check = ipu("templates", "check")
    assert check.code == 1
    assert (
        "templates/decision.md.j2: KHM-COLL-03 draft for committee-179: undeclared variable: no_such_value\n"
        in check.out
    )


def test_templates_check_passes_on_the_bundled_templates(repo: Path, ipu) -> None:
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", repo / "templates")
    result = ipu("templates", "check")
    assert result.code == 0, result.out
    lines = result.out.splitlines()
    assert "templates/decision.md.j2: ok (5 contexts)" in lines  # the 171st session's text is not held
    assert "templates/decision.html.j2: ok (5 contexts)" in lines
    assert "templates/individual-case.yaml.j2: ok (38 contexts)" in lines
    assert "templates/collective-case.yaml.j2: ok (1 context)" in lines
    assert (
        "templates/letter-base.md.j2: ok (through letter-authorities.fr.md.j2, letter-authorities.md.j2, "
        "letter-complainant.fr.md.j2, letter-complainant.md.j2, letter-third-party.fr.md.j2, "
        "letter-third-party.md.j2)"
    ) in lines
    assert "templates/letter-authorities.md.j2: ok (2 contexts)" in lines
    assert result.err == f"{len(lines)} templates, 0 with problems\n"


def test_templates_check_catches_a_broken_case_skeleton(repo: Path, ipu) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "individual-case.yaml.j2").write_text("id: {{ id }}\nname: {{ nmae }}\n")
    result = ipu("templates", "check")
    assert result.code == 1
    assert (
        "templates/individual-case.yaml.j2: KHM-101 as 'ipu new' would start it: undeclared variable: nmae\n"
        in result.out
    )


# --- headers -----------------------------------------------------------------------------


def _session(body: str, number: int, start: str, end: str | None = None, **kw: object) -> Session:
    return Session(
        body=body,
        number=number,
        start=PartialDate.parse(start),
        end=PartialDate.parse(end) if end else None,
        **kw,
    )


@pytest.mark.parametrize(
    ("session", "mode", "expected"),
    [
        (
            _session("committee", 179, "2026-02-02", "2026-02-18", place="Geneva"),
            None,
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 179th session (Geneva, 2 to 18 February 2026)",
        ),
        (
            _session("committee", 170, "2023-01-21", "2023-02-02", place="Geneva"),
            None,
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 170th session (Geneva, 21 January to 2 February 2023)",
        ),
        (
            _session("governing-council", 205, "2019-10-17", place="Belgrade"),
            "by consensus",
            "Decision adopted by consensus by the IPU Governing Council at its 205th session (Belgrade, 17 October 2019)",
        ),
        (
            _session("committee", 163, "2020-10-12", "2020-10-23", virtual=True),
            "unanimously",
            "Decision adopted unanimously by the Committee on the Human Rights of Parliamentarians at its 163rd session (virtual session, 12 to 23 October 2020)",
        ),
        (
            _session("committee", 111, "2012-07-01"),
            None,
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 111th session (1 July 2012)",
        ),
        (
            _session("committee", 180, "2026-04"),
            None,
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 180th session (April 2026)",
        ),
    ],
)
def test_header_forms(session: Session, mode: str | None, expected: str) -> None:
    assert decision.header(session, "en", mode) == expected


@pytest.mark.parametrize(
    ("session", "mode", "adopted", "expected"),
    [
        (
            _session("governing-council", 205, "2019-10-17", place="Belgrade"),
            None,
            None,
            "Decision adopted by the IPU Governing Council at its 205th session (Belgrade, 17 October 2019)",
        ),
        (
            _session("governing-council", 211, "2023-03-13", "2023-03-15", place="Manama"),
            None,
            "2023-03-15",
            "Decision adopted by the IPU Governing Council at its 211th session (Manama, 15 March 2023)",
        ),
        (
            _session("governing-council", 206, "2020-11-01", "2020-11-04", virtual=True, extraordinary=True),
            "unanimously",
            "2020-11-03",
            "Decision adopted unanimously by the IPU Governing Council at its 206th session "
            "(Extraordinary virtual session, 3 November 2020)",
        ),
        (
            _session("committee", 158, "2019-01-29", "2019-02-08", place="Geneva"),
            None,
            "2019-02-08",
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 158th session "
            "(Geneva, 8 February 2019)",
        ),
        (
            _session("committee", 179, "2026-02-02", "2026-02-18", place="Geneva"),
            None,
            "2026-02",
            "Decision adopted by the Committee on the Human Rights of Parliamentarians at its 179th session "
            "(Geneva, 2 to 18 February 2026)",
        ),
    ],
)
def test_header_names_the_body_prints_a_mode_only_when_recorded_and_the_adoption_day(
    session: Session, mode: str | None, adopted: str | None, expected: str
) -> None:
    day = PartialDate.parse(adopted) if adopted else None
    assert decision.header(session, "en", mode, day) == expected


def test_header_french() -> None:
    session = _session("committee", 164, "2021-01-25", "2021-02-05", place="Geneva")
    assert decision.header(session, "fr", place="Genève") == (
        "Décision adoptée par le Comité des droits de l'homme des parlementaires à sa 164e session "
        "(Genève, 25 janvier-5 février 2021)"
    )
    virtual = _session("committee", 160, "2020-10-12", "2020-10-23", virtual=True)
    assert decision.header(virtual, "fr", "unanimously") == (
        "Décision adoptée à l'unanimité par le Comité des droits de l'homme des parlementaires à sa "
        "160e session (session en ligne, 12-23 octobre 2020)"
    )
    council = _session("governing-council", 205, "2019-10-17", None, place="Belgrade")
    assert decision.header(council, "fr", "by consensus") == (
        "Décision adoptée par consensus par le Conseil directeur de l'UIP à sa 205e session "
        "(Belgrade, 17 octobre 2019)"
    )


def test_draft_without_earlier_text_warns_in_plain_words(repo: Path, ipu) -> None:
    # the 179th session's own decision is not "earlier"; the 171st holds no text
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "179")
    assert result.code == 0
    assert result.err == (
        "ipu: warning: KHM-COLL-03: a decision was already adopted at committee-179; this is a new draft "
        "for that session (render the adopted decision with --adopted)\n"
        "ipu: warning: KHM-COLL-03: the draft has no paragraphs: no draft block, "
        "and no decision adopted before committee-179 holds text\n"
    )
    assert "Draft decision for the 179th session" in result.out


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no Chromium on PATH"
)
def test_html_prints_as_a4_pages_in_headless_chromium(repo: Path, ipu, tmp_path: Path) -> None:
    """The Done-when browser check, automated where Chromium is installed (docs: manual command)."""
    import subprocess

    page = tmp_path / "draft.html"
    assert ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(page)).code == 0
    pdf = tmp_path / "draft.pdf"
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    subprocess.run(
        [
            str(browser),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = pdf.read_bytes()
    boxes = {
        tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)
    }
    assert boxes == {(0, 0, 595, 842)}  # A4 in points, every page
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2


def test_unknown_language_is_a_usage_error(repo: Path, ipu) -> None:
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--lang", "de")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: unknown language 'de'; choose from en, fr\n",
    )


def test_all_refuses_a_decision_with_a_member_missing(repo: Path, ipu, tmp_path: Path) -> None:
    """A member whose file cannot be read: the files are named, located, and nothing is written."""
    for name in ("KHM-101", "KHM-48"):
        path = repo / "cases" / "KHM" / f"{name}.yaml"
        path.write_text(path.read_text() + "foo: [unclosed\n")
    out = tmp_path / "drafts"
    result = ipu("draft-decision", "--all", "--session", "180", "-o", str(out))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cases/KHM/KHM-101.yaml:37:1: error yaml-syntax while parsing a flow sequence: did not find expected ',' or ']'; likely cause: a list opened with '[' and not closed, or a ',' inside an item\n"
        "cases/KHM/KHM-48.yaml:39:1: error yaml-syntax while parsing a flow sequence: did not find expected ',' or ']'; likely cause: a list opened with '[' and not closed, or a ',' inside an item\n"
        "ipu: how to fix yaml-syntax: ipu validate --explain yaml-syntax\n"
        "ipu: 2 case files were not read; no decisions made from an incomplete base (see 'ipu validate')\n"
    )
    assert not out.exists()
