"""Any case, any body, on the synthetic base: validation, ids as published, the Governing
Council, letters naming the body, `ipu new` for a new country, 'also known as'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_synthetic_documents import decision_warnings, late_letter_warning

GOLDEN = Path(__file__).parent / "golden" / "synthetic"
ORIGINAL = "PHL-08"
SPELLINGS = ["PHL-08", "phl08", "PHL/08", "PHL-8", "phl 8", "PHL-008"]
MP = [
    "--sex",
    "male",
    "--parliament",
    "House of Commons",
    "--mandate",
    "incumbent",
    "--affiliation",
    "unknown",
]


def test_validate_is_clean(synthetic, ipu) -> None:
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", "91 files checked: no problems\n")


@pytest.mark.parametrize("typed", SPELLINGS)
def test_every_spelling_of_a_zero_padded_id_means_the_case(synthetic, ipu, typed) -> None:
    shown = ipu("show", typed)
    assert shown.code == 0 and shown.out.splitlines()[0] == "PHL-08  Lorna Ibarra-Quintos"
    decision = ipu("draft-decision", typed, "--session", "180")
    assert (decision.code, decision.err) == (0, decision_warnings("PHL-08", "committee-180", False))
    assert decision.out == (GOLDEN / "PHL-08-committee-180-draft.md").read_text()
    letter = ipu("draft-letter", typed, "--to", "authorities")
    assert (letter.code, letter.err) == (0, late_letter_warning("PHL-08", "179th", "February 2026"))
    assert letter.out == (GOLDEN / "letter-PHL-08-authorities-latest.md").read_text()
    path = synthetic / "cases/PHL/PHL-08.yaml"
    before = path.read_text()
    logged = ipu("log", typed, "--direction", "from", "--party", "complainant", "--date", "2026-02")
    assert (logged.code, logged.err) == (0, "")
    assert logged.out == "cases/PHL/PHL-08.yaml: logged 2026-02 from complainant (entry 17 of 17)\n"
    last = "  - date: 2026-01\n    direction: from\n    party: complainant\n"
    added = "  - date: 2026-02\n    direction: from\n    party: complainant\n"
    assert before.count(last) == 1
    assert path.read_text() == before.replace(last, last + added)


def test_show_keeps_the_published_id_and_other_names(synthetic, ipu) -> None:
    data = json.loads(ipu("show", "phl8", "--format", "json").out)
    assert (data["id"], data["file"]) == ("PHL-08", "cases/PHL/PHL-08.yaml")
    assert data["also_known_as"] == ["Lorna Quintos", "Ka Lorna"]
    assert ipu("show", "PHL-08").out.splitlines()[4] == "  Also known as: Lorna Quintos, Ka Lorna"
    assert ipu("show", "PHL-999").err == "ipu: no case PHL-999; did you mean 'PHL-08'?\n"


def test_list_grep_finds_another_name(synthetic, ipu) -> None:
    result = ipu("list", "--grep", "ka lorna", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "id,name,sex,country,mandate,affiliation,collectives,status\n"
        "PHL-08,Lorna Ibarra-Quintos,female,PHL,incumbent,opposition,,active\n"
    )


def test_new_case_keeps_its_id_and_starts_its_country_folder(synthetic, ipu) -> None:
    assert not (synthetic / "cases/GBR").exists()
    result = ipu("new", "individual", "gbr-01", "--name", "Test Person", *MP)
    assert (result.code, result.out, result.err) == (0, "created cases/GBR/GBR-01.yaml\n", "")
    assert "id: GBR-01\n" in (synthetic / "cases/GBR/GBR-01.yaml").read_text()
    assert ipu("validate").err == "92 files checked: no problems\n"
    assert ipu("show", "gbr1").out.splitlines()[0] == "GBR-01  Test Person"


@pytest.mark.parametrize("typed", ["PHL-8", "phl-008", "PHL/08"])
def test_new_refuses_another_spelling_of_an_existing_id(synthetic, ipu, typed) -> None:
    result = ipu("new", "individual", typed, "--name", "X", *MP)
    assert (result.code, result.out) == (1, "")
    assert result.err == "ipu: cases/PHL/PHL-08.yaml already exists; not overwritten\n"
    assert sorted(p.name for p in (synthetic / "cases/PHL").iterdir()) == [
        "PHL-08.fr.yaml",
        "PHL-08.yaml",
        "PHL-10.yaml",
    ]


def test_draft_letter_takes_the_body(synthetic, ipu) -> None:
    latest = ipu("draft-letter", "PHL-08", "--to", "authorities").out
    chosen = ipu(
        "draft-letter", "PHL-08", "--to", "authorities", "--session", "215", "--body", "governing-council"
    )
    assert (chosen.code, chosen.out) == (0, latest)
    typed = ipu("draft-letter", "PHL-08", "--to", "authorities", "--session", "governing-council-215")
    assert typed.out == latest
    missing = ipu("draft-letter", "PHL-08", "--to", "authorities", "--session", "215")
    assert (missing.code, missing.out) == (1, "")
    assert missing.err == (
        "ipu: PHL-08 has no decision adopted at committee-215 "
        "(decisions: 2016-03, committee-177, governing-council-215)\n"
    )
    assembly = ipu("draft-letter", "PHL-08", "--to", "authorities", "--session", "146", "--body", "assembly")
    assert (assembly.code, assembly.err) == (
        2,
        "ipu: unknown body 'assembly'; choose committee or governing-council\n",
    )


def test_batches_of_a_governing_council_session_name_the_council(synthetic, ipu, tmp_path) -> None:
    letters = tmp_path / "letters"
    result = ipu(
        "draft-letter", "--all", "--session", "215", "--body", "governing-council", "-o", str(letters)
    )
    assert result.code == 0, result.err
    assert (letters / "index.md").read_text() == (
        "# Letters conveying the decisions of the 215th session of the Governing Council of the "
        "Inter-Parliamentary Union\n\n"
        "Drafted 1 March 2026.\n\n"
        "| case | to | addressee | file |\n"
        "| --- | --- | --- | --- |\n"
        "| HND-COLL-02 | authorities | President of the National Congress | "
        "[HND-COLL-02-authorities.md](HND-COLL-02-authorities.md) |\n"
        "| HND-COLL-02 | complainant | the complainant | [HND-COLL-02-complainant.md](HND-COLL-02-complainant.md) |\n"
        "| HND-COLL-02 | third-party | National Commissioner for Human Rights | "
        "[HND-COLL-02-third-party.md](HND-COLL-02-third-party.md) |\n"
        "| PHL-08 | authorities | President of the Senate | [PHL-08-authorities.md](PHL-08-authorities.md) |\n"
        "| PHL-08 | complainant | Coordinator of the complainant group | [PHL-08-complainant.md](PHL-08-complainant.md) |\n"
    )
    assert (letters / "PHL-08-authorities.md").read_text() == (
        GOLDEN / "letter-PHL-08-authorities-latest.md"
    ).read_text()
    decisions = tmp_path / "decisions"
    result = ipu(
        "draft-decision",
        "--all",
        "--session",
        "215",
        "--body",
        "governing-council",
        "--adopted",
        "-o",
        str(decisions),
    )
    assert (result.code, result.err) == (0, f"ipu: wrote 2 decisions and index.md to {decisions}\n")
    assert (decisions / "index.md").read_text() == (
        "# Decisions for the 215th session of the Governing Council of the Inter-Parliamentary Union "
        "(19 to 23 October 2025)\n\n"
        "- [HND-COLL-02](HND-COLL-02-governing-council-215.md) - Honduras\n"
        "- [PHL-08](PHL-08-governing-council-215.md) - Philippines\n"
    )


def test_followups_name_the_body_of_the_latest_decision(synthetic, ipu) -> None:
    rows = {row["case"]: row for row in json.loads(ipu("followups", "--format", "json").out)}
    assert rows["PHL-08"]["decision"] == "215th session of the Governing Council (October 2025)"
    assert rows["PHL-08"]["flags"] == []
    assert rows["HND-COLL-02"]["decision"] == "215th session of the Governing Council (October 2025)"
    assert rows["COD-COLL-01"]["decision"] == "179th session (February 2026)"


def test_a_letter_dated_before_an_official_adoption_day_does_not_convey_it(synthetic, ipu) -> None:
    """An official adoption day after the session: only a letter that can be dated after it conveys."""
    path = synthetic / "cases/PHL/PHL-08.yaml"
    rows = {row["case"]: row for row in json.loads(ipu("followups", "--format", "json").out)}
    assert rows["PHL-08"]["flags"] == []  # conveyed by the letter of November 2025
    path.write_text(path.read_text().replace("adopted: 2025-10-23", "adopted: 2025-11-30"))
    rows = {row["case"]: row for row in json.loads(ipu("followups", "--format", "json").out)}
    assert rows["PHL-08"]["flags"] == ["not conveyed"]  # November 2025 cannot fall after 30 November


def test_a_decision_known_only_by_its_month_is_cited_not_conveyed(synthetic, ipu) -> None:
    path = synthetic / "cases/MDA/MDA-3.yaml"
    path.write_text(path.read_text().replace("status:\n", "decisions:\n  - adopted: 2025-11\n\nstatus:\n"))
    assert ipu("validate").code == 0
    draft = ipu("draft-decision", "MDA-3", "--session", "180", "--include-confidential")
    assert draft.code == 0
    assert "Recent IPU decision: November 2025" in draft.out.splitlines()
    assert "Victim: Young majority substitute member of parliament" in draft.out.splitlines()
    letter = ipu("draft-letter", "MDA-3", "--to", "authorities", "--include-confidential")
    assert (letter.code, letter.out) == (1, "")
    assert letter.err == (
        "ipu: MDA-3: the decision of November 2025 names no session; a letter conveys a decision of a known session\n"
    )


def test_checklist_order_codes_are_checked(synthetic, ipu) -> None:
    path = synthetic / "cases/MDA/MDA-COLL-01.yaml"
    path.write_text(path.read_text().replace("checklist: [threats,", "checklist: [thraets,"))
    result = ipu("validate")
    assert result.code == 1
    assert result.out == (
        "cases/MDA/MDA-COLL-01.yaml:54:17: error unknown-violation unknown violation 'thraets'; "
        "did you mean 'threats'?\n"
    )


def test_checklist_follows_the_vocabulary_without_a_recorded_order(synthetic, ipu) -> None:
    path = synthetic / "cases/MDA/MDA-COLL-01.yaml"
    path.write_text(
        path.read_text().replace(
            "    checklist: [threats, freedom-of-expression, due-process-investigation]\n", ""
        )
    )
    lines = ipu("draft-decision", "MDA-COLL-01", "--session", "178", "--adopted").out.splitlines()
    assert [line for line in lines if line.startswith("- ✓")] == [
        "- ✓ Violation of freedom of opinion and expression",
        "- ✓ Lack of due process at the investigation stage",
        "- ✓ Threats, acts of intimidation",
    ]


def test_unknown_values_are_counted_in_figures_only_when_present(synthetic, ipu) -> None:
    figures = json.loads(ipu("stats", "--by", "affiliation", "--format", "json").out)
    assert figures["by_affiliation"] == {
        "opposition": 74,
        "majority": 3,
        "independent": 4,
        "other": 0,
        "unknown": 1,
    }
