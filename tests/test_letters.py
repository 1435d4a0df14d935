"""`ipu draft-letter`: letters conveying a decision, in md (golden), html and docx; --log; --all."""

from __future__ import annotations

import json
from pathlib import Path

from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines

GOLDEN = Path(__file__).parent / "golden"
COLL = "cases/KHM/KHM-COLL-03.yaml"
NO_ADDRESSEE = (
    "ipu: warning: KHM-COLL-03: no addressee for the complainant in the case file; "
    "the letter opens 'Dear Sir or Madam,'\n"
)
ASKS = [
    "*Calls on* the Cambodian authorities to actively explore all legal, judicial and political avenues",
    "*requests* the Cambodian authorities to provide detailed information on the status of the investigation",
    "*calls on* the authorities to provide the necessary clarity and dates so that such a mission",
]


def test_authorities_markdown_matches_golden(repo, ipu):
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179")
    assert (result.code, result.err) == (0, "")
    assert result.out == (GOLDEN / "letter-KHM-COLL-03-authorities-179.md").read_text()
    lines = result.out.splitlines()
    assert lines[0] == "Geneva, 1 March 2026"
    assert lines[2:8] == [
        "Secretary General of the National Assembly",
        "",
        "National Assembly of the Kingdom of Cambodia",
        "",
        "Phnom Penh",
        "",
    ]
    assert "Dear Secretary General," in lines
    asks = [line for line in lines if line.startswith("- ")]
    assert len(asks) == 3
    assert all(ask.startswith("- " + start) for ask, start in zip(asks, ASKS, strict=True))
    assert [ask[-1] for ask in asks] == [";", ";", "."]
    assert "the Secretary General to convey" not in "\n".join(asks)


def test_complainant_markdown_matches_golden_and_default_session(repo, ipu):
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "complainant")
    assert (result.code, result.err) == (0, NO_ADDRESSEE)
    assert result.out == (GOLDEN / "letter-KHM-COLL-03-complainant-179.md").read_text()


def test_html_and_docx_carry_addressee_session_and_requests(repo, ipu, tmp_path):
    html = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--format", "html").out
    assert "<p>Secretary General of the National Assembly</p>" in html
    assert "at its 179th session (Geneva, 2 to 18 February 2026)" in html
    assert "<li><em>Calls on</em> the Cambodian authorities to actively explore" in html
    assert "<li><em>requests</em> the Cambodian authorities to provide detailed information" in html
    for party in ("authorities", "complainant"):
        target = tmp_path / f"{party}.docx"
        result = ipu("draft-letter", "KHM-COLL-03", "--to", party, "-o", str(target))
        assert result.code == 0
        assert result.err.endswith(f"ipu: wrote {target}\n")
        markdown = (GOLDEN / f"letter-KHM-COLL-03-{party}-179.md").read_text()
        assert docx_plain_lines(target.read_bytes()) == markdown_plain_lines(markdown)


def test_complainant_letter_discloses_nothing_internal(repo, ipu):
    path = repo / COLL
    text = path.read_text()
    text = text.replace("  submitted: 2011-11\n", "  submitted: 2011-11\n  complainant: Secret Source Org\n")
    text = text.replace(
        "    salutation: Dear Secretary General,\n",
        "    salutation: Dear Secretary General,\n"
        "  - party: complainant\n    title: Private Contact Person\n    internal: true\n",
    )
    text = text.replace(
        "  - date: 2026-01\n    direction: to\n    party: complainant\n",
        "  - date: 2026-01\n    direction: to\n    party: complainant\n"
        "    description: Call with the hidden witness\n    internal: true\n",
    )
    path.write_text(text)
    assert ipu("validate").code == 0
    for fmt in ("md", "html"):
        out = ipu("draft-letter", "KHM-COLL-03", "--to", "complainant", "-f", fmt).out
        for secret in ("Secret Source", "Private Contact", "hidden witness"):
            assert secret not in out


def test_confidential_case_letter_is_refused_then_marked(repo, ipu, tmp_path):
    path = repo / COLL
    path.write_text(path.read_text().replace("confidentiality: public", "confidentiality: confidential"))
    refused = ipu("draft-letter", "CMBD/60", "--to", "authorities")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "ipu: KHM-60 is examined in KHM-COLL-03; writing the group's letter\n"
        "ipu: KHM-COLL-03 is confidential; pass --include-confidential to produce it for internal use\n"
    )
    refused = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "ipu: KHM-COLL-03 is confidential; pass --include-confidential to produce it for internal use\n"
    )
    folder = tmp_path / "letters"
    result = ipu("draft-letter", "--all", "--session", "179", "-o", str(folder))
    assert result.code == 0
    assert result.err == (
        "ipu: skipped KHM-COLL-03: confidential (use --include-confidential for internal use)\n"
        f"ipu: wrote 0 letters and index.md to {folder}\n"
    )
    assert [p.name for p in folder.iterdir()] == ["index.md"]
    internal = tmp_path / "internal"
    result = ipu("draft-letter", "--all", "--session", "179", "--confidential", "-o", str(internal))
    assert (result.code, result.out) == (0, "")
    assert result.err == NO_ADDRESSEE + f"ipu: wrote 2 letters and index.md to {internal}\n"
    assert (internal / "index.md").read_text().splitlines()[-2:] == [
        "| KHM-COLL-03 (CONFIDENTIAL) | authorities | Secretary General of the National Assembly | "
        "[KHM-COLL-03-authorities.md](KHM-COLL-03-authorities.md) |",
        "| KHM-COLL-03 (CONFIDENTIAL) | complainant | the complainant | "
        "[KHM-COLL-03-complainant.md](KHM-COLL-03-complainant.md) |",
    ]
    for flag in ("--include-confidential", "--confidential"):
        out = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", flag).out
        assert out.startswith("**CONFIDENTIAL**\n\nGeneva, 1 March 2026\n")


def test_log_records_the_letter_in_the_same_step(repo, ipu):
    before = (repo / COLL).read_text()
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--log", "--today", "2026-02-27")
    assert result.code == 0
    assert result.err == (
        "ipu: logged in cases/KHM/KHM-COLL-03.yaml: Letter to the Secretary General of the National Assembly\n"
    )
    assert "27 February 2026" in result.out
    added = (
        "  - date: 2026-02-27\n    direction: to\n    party: authorities\n"
        "    description: Letter to the Secretary General of the National Assembly\n"
    )
    last = "    direction: to\n    party: complainant\n\ndecisions:\n"
    expected = before.replace(last, "    direction: to\n    party: complainant\n" + added + "\ndecisions:\n")
    assert (repo / COLL).read_text() == expected
    rows = json.loads(ipu("followups", "-f", "json").out)
    assert "not conveyed" not in rows[0]["flags"]


def test_all_letters_for_a_session_with_index(repo, ipu, tmp_path):
    folder = tmp_path / "letters"
    result = ipu("draft-letter", "--all", "--session", "179", "-o", str(folder), "-f", "md")
    assert result.code == 0
    assert result.err == NO_ADDRESSEE + f"ipu: wrote 2 letters and index.md to {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == [
        "KHM-COLL-03-authorities.md",
        "KHM-COLL-03-complainant.md",
        "index.md",
    ]
    for party in ("authorities", "complainant"):
        golden = (GOLDEN / f"letter-KHM-COLL-03-{party}-179.md").read_text()
        assert (folder / f"KHM-COLL-03-{party}.md").read_text() == golden
    assert (folder / "index.md").read_text() == (
        "# Letters conveying the decisions of the 179th session of the Committee on the Human Rights "
        "of Parliamentarians\n\n"
        "Drafted 1 March 2026.\n\n"
        "| case | to | addressee | file |\n"
        "| --- | --- | --- | --- |\n"
        "| KHM-COLL-03 | authorities | Secretary General of the National Assembly | "
        "[KHM-COLL-03-authorities.md](KHM-COLL-03-authorities.md) |\n"
        "| KHM-COLL-03 | complainant | the complainant | [KHM-COLL-03-complainant.md](KHM-COLL-03-complainant.md) |\n"
    )


def test_decision_text_not_held(repo, ipu):
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "171")
    assert result.code == 0
    assert result.err == (
        "ipu: warning: KHM-COLL-03: the text of the decision adopted at committee-171 is not held\n"
        # a letter on the 171st session's decision asks about the 179th, which has begun
        "ipu: warning: KHM-COLL-03: the letter asks for information ahead of the 179th session "
        "(February 2026), which has already begun (today is 1 March 2026); convey a later decision "
        "or edit the letter\n"
    )
    assert "at its 171st session (Manama, March 2023)" in result.out
    assert "(The text of this decision is not held in the case file.)" in result.out
    assert "In its decision, the Committee:" not in result.out


def test_refusals(repo, ipu):
    cases = [
        (["KHM-COLL-03", "--to", "authorities", "--session", "150"], 1,
         "ipu: KHM-COLL-03 has no decision adopted at committee-150 (decisions: committee-171, committee-179)\n"),
        (["KHM-COLL-03", "--to", "press"], 2,
         "ipu: --to: unknown party 'press'; choose from authorities, complainant, third-party\n"),
        (["KHM-COLL-03", "--to", "authorities", "-f", "docx"], 2, "ipu: Word output is a file: give -o FILE.docx\n"),
        (["--all", "--session", "179"], 2, "ipu: --all needs --session N and -o DIR\n"),
        (["KHM-999", "--to", "authorities"], 1,
         "ipu: no case KHM-999; did you mean 'KHM-99'?\n"),
    ]  # fmt: skip
    for args, code, err in cases:
        result = ipu("draft-letter", *args)
        assert (result.code, result.out, result.err) == (code, "", err), args


def test_place_and_signatory_come_from_the_secretariat_data(repo, ipu):
    data = repo / "data" / "secretariat.yaml"
    data.write_text(
        "place: Genève\nsignatory:\n  name: To Be Confirmed\n  title: Acting Secretary General\n"
        "  placeholder: true\n",
        encoding="utf-8",
    )
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179")
    assert (result.code, result.err) == (
        0,
        "ipu: warning: KHM-COLL-03: the signatory 'To Be Confirmed' is a placeholder in "
        "data/secretariat.yaml; confirm the name there before sending\n",
    )
    lines = result.out.splitlines()
    assert lines[0] == "Genève, 1 March 2026"
    closing = lines.index("Yours sincerely,")
    assert lines[closing + 2 : closing + 5] == ["To Be Confirmed", "", "Acting Secretary General"]


def test_a_letter_needs_the_secretariat_data_a_decision_does_not(repo, ipu):
    (repo / "data" / "secretariat.yaml").unlink()
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "data/secretariat.yaml:1:1: error unreadable reference file is missing\n"
        "ipu: cannot make the letter from incomplete reference data: data/secretariat.yaml is not usable "
        "(see 'ipu validate')\n"
    )
    decision = ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted")
    assert (decision.code, decision.err) == (0, "")
