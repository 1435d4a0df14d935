"""Decisions and letters of every case of the synthetic base, both bodies, every format.

The Markdown and HTML of each document are compared with golden files in
tests/golden/synthetic/ (each read line by line against the house style before it was
committed); the Word text is compared with the Markdown's, as for the bundled base.
`IPU_UPDATE_GOLDEN=1` rewrites the golden files from the current output: read the diff.

A case written `A+B` is one joint decision on both (`ipu draft-decision A B`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines

GOLDEN = Path(__file__).parent / "golden" / "synthetic"
UPDATE = os.environ.get("IPU_UPDATE_GOLDEN") == "1"

DECISIONS = [
    # (case, session, adopted)
    ("PHL-08", "committee-177", True),
    ("PHL-08", "governing-council-215", True),
    ("PHL-08", "committee-180", False),
    ("PHL-08", "governing-council-216", False),
    ("COD-COLL-01", "committee-179", True),
    ("COD-COLL-01", "committee-180", False),
    ("HND-COLL-02", "governing-council-215", True),
    ("HND-COLL-02", "committee-180", False),
    ("MDA-COLL-01", "committee-178", True),
    ("MDA-COLL-01", "committee-180", False),
    ("LBY-12", "committee-179", True),
    ("LBY-12", "committee-180", False),
    # a group over three sessions: a member joins (178), one is closed (178), one moves to an
    # individual case (179), a name printed otherwise by the 177th-session decision
    ("FJI-COLL-01", "committee-177", True),
    ("FJI-COLL-01", "committee-178", True),
    ("FJI-COLL-01", "committee-179", True),
    ("FJI-COLL-01+FJI-COLL-02", "committee-180", False),
    ("FJI-14", "committee-179", True),
]
CARRIED = {
    # a draft without a draft block repeats the latest decision: (its session, paragraphs)
    ("PHL-08", "committee-180"): ("governing-council-215", 4, "180"),
    ("PHL-08", "governing-council-216"): ("governing-council-215", 4, "governing-council-216"),
    ("COD-COLL-01", "committee-180"): ("committee-179", 4, "180"),
    ("HND-COLL-02", "committee-180"): ("governing-council-215", 4, "180"),
    ("MDA-COLL-01", "committee-180"): ("committee-178", 3, "180"),
    ("LBY-12", "committee-180"): ("committee-179", 3, "180"),
}


def decision_warnings(case: str, session: str, adopted: bool, mark: str = "(carried over)") -> str:
    """The warnings of a decision: a draft's about its carried-over paragraphs (`mark` as the
    document prints it)."""
    if adopted or (case, session) not in CARRIED:
        return ""  # adopted, or a draft block whose every paragraph was edited (the joint FJI draft)
    source, count, argument = CARRIED[(case, session)]
    return (
        f"ipu: warning: {case}: the draft repeats the decision adopted at {source} word for word "
        f"({count} paragraphs marked '{mark}'); start the case's draft block with "
        f"'ipu start-draft {case} --session {argument}' and edit it\n"
    )


def late_letter_warning(case: str, session: str, month: str) -> str:
    """The warning of a letter dated after the session it asks about has begun."""
    return (
        f"ipu: warning: {case}: the letter asks for information ahead of the {session} session ({month}), "
        "which has already begun (today is 1 March 2026); convey a later decision or edit the letter\n"
    )


LETTERS = [
    # (case, party, session or None for the latest decision, expected stderr). The base's
    # latest decisions date from 2025 and today is 1 March 2026: most letters ask about a
    # session that has begun, and say so.
    ("PHL-08", "authorities", None, late_letter_warning("PHL-08", "179th", "February 2026")),
    ("PHL-08", "complainant", None, late_letter_warning("PHL-08", "179th", "February 2026")),
    ("PHL-08", "authorities", "committee-177", late_letter_warning("PHL-08", "178th", "October 2025")),
    ("COD-COLL-01", "authorities", None, ""),
    ("COD-COLL-01", "complainant", None, ""),
    (
        "HND-COLL-02",
        "complainant",
        None,
        "ipu: warning: HND-COLL-02: no addressee for the complainant in the case file; "
        "the letter opens 'Dear Sir or Madam,'\n"
        + late_letter_warning("HND-COLL-02", "179th", "February 2026"),
    ),
    ("HND-COLL-02", "authorities", None, late_letter_warning("HND-COLL-02", "179th", "February 2026")),
    ("HND-COLL-02", "third-party", None, late_letter_warning("HND-COLL-02", "179th", "February 2026")),
    ("MDA-COLL-01", "authorities", None, late_letter_warning("MDA-COLL-01", "179th", "February 2026")),
    ("MDA-COLL-01", "complainant", None, late_letter_warning("MDA-COLL-01", "179th", "February 2026")),
    ("LBY-12", "authorities", None, ""),
    ("LBY-12", "complainant", None, ""),
    ("FJI-COLL-01", "authorities", None, ""),
    ("FJI-COLL-01", "complainant", None, ""),
    ("FJI-14", "authorities", None, ""),
    ("FJI-14", "complainant", None, ""),
]


def _decision_args(case: str, session: str, adopted: bool) -> list[str]:
    return ["draft-decision", *case.split("+"), "--session", session, *(["--adopted"] if adopted else [])]


def _decision_name(case: str, session: str, adopted: bool) -> str:
    return f"{case}-{session}-{'adopted' if adopted else 'draft'}"


def _letter_args(case: str, party: str, session: str | None) -> list[str]:
    # English letters (COD-COLL-01's authorities would get French by default: test_french.py)
    return ["draft-letter", case, "--to", party, "--lang", "en", *(["--session", session] if session else [])]


def _letter_name(case: str, party: str, session: str | None) -> str:
    return f"letter-{case}-{party}-{session or 'latest'}"


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("case", "session", "adopted"), DECISIONS)
def test_decision_matches_golden(synthetic, ipu, case, session, adopted, fmt) -> None:
    result = ipu(*_decision_args(case, session, adopted), "--format", fmt)
    assert (result.code, result.err) == (0, decision_warnings(case, session, adopted))
    _compare(f"{_decision_name(case, session, adopted)}.{fmt}", result.out)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("case", "party", "session", "err"), LETTERS)
def test_letter_matches_golden(synthetic, ipu, case, party, session, err, fmt) -> None:
    result = ipu(*_letter_args(case, party, session), "--format", fmt)
    assert (result.code, result.err) == (0, err)
    _compare(f"{_letter_name(case, party, session)}.{fmt}", result.out)


@pytest.mark.parametrize(
    "args",
    [_decision_args(*d) for d in DECISIONS] + [_letter_args(*letter[:3]) for letter in LETTERS],
    ids=[_decision_name(*d) for d in DECISIONS] + [_letter_name(*letter[:3]) for letter in LETTERS],
)
def test_word_text_equals_markdown_text(synthetic, ipu, tmp_path, args) -> None:
    markdown = ipu(*args).out
    target = tmp_path / "document.docx"
    result = ipu(*args, "-o", str(target))
    assert result.code == 0 and result.err.endswith(f"ipu: wrote {target}\n")
    assert docx_plain_lines(target.read_bytes()) == markdown_plain_lines(markdown)


def test_every_case_with_decisions_has_golden_documents(synthetic) -> None:
    """No case of the base is left without golden decisions and letters (the table stays complete)."""
    import yaml

    holding = set()
    for path in (synthetic / "cases").rglob("*.yaml"):
        if path.name.endswith(".fr.yaml"):
            continue  # a translation file (test_french.py)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("decisions"):
            holding.add(data["id"])
    assert {one for case, _, _ in DECISIONS for one in case.split("+")} >= holding
    assert {case for case, *_ in LETTERS} == holding
    names = {p.name for p in GOLDEN.iterdir()}
    expected = {f"{_decision_name(*d)}.{fmt}" for d in DECISIONS for fmt in ("md", "html")}
    expected |= {f"{_letter_name(*letter[:3])}.{fmt}" for letter in LETTERS for fmt in ("md", "html")}
    assert names == expected
