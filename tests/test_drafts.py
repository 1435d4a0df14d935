"""Drafts that help the officer: paragraphs carried over unedited are marked in every format
until edited in the draft block (or kept on purpose), and `ipu adopt` leaves the marks' notes out."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

from ipu_cli.domain.drafts import carried_over

COLL = "cases/KHM/KHM-COLL-03.yaml"
EDITED = "that no former parliamentarian in exile has been able to return since February 2026;"


def _paragraph(verb: str, text: str, items: tuple[str, ...] = (), kept: bool = False) -> SimpleNamespace:
    return SimpleNamespace(verb=verb, text=text, items=list(items), kept=kept)


def test_carried_over_is_word_for_word_spaces_aside() -> None:
    earlier = [
        SimpleNamespace(paragraphs=[_paragraph("Recalls", "its  concerns,\n including:", ("(x) one",))])
    ]
    draft = [
        _paragraph("Recalls", "its concerns, including:", ("(x)  one",)),  # spaces aside: the same
        _paragraph("Recalls", "its concerns, including:", ("(x) one", "(y) two")),  # an item added
        _paragraph("Reaffirms", "its concerns, including:", ("(x) one",)),  # another verb
        _paragraph("Recalls", "its concerns, including:", ("(x) one",), kept=True),  # kept on purpose
        _paragraph("Decides", "to continue examining this case."),  # in no earlier decision
    ]
    assert carried_over(draft, earlier) == [True, False, False, False, False]


def _draft_paragraphs(repo: Path) -> tuple[Path, str]:
    path = repo / COLL
    return path, path.read_text(encoding="utf-8")


def test_a_draft_block_is_marked_until_edited(repo: Path, ipu, tmp_path: Path, monkeypatch) -> None:
    import docx

    assert ipu("start-draft", "KHM-COLL-03", "--session", "180").code == 0
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert result.err == (
        "ipu: warning: KHM-COLL-03: 9 paragraphs of the draft block repeat an earlier decision word for "
        "word and are marked '(carried over)': edit them, or mark those kept on purpose 'kept: true'\n"
    )
    assert result.out.count("**(carried over)**") == 9

    # The officer edits paragraph 5 and keeps paragraph 9 (kept written first: the dash moves)
    path, text = _draft_paragraphs(repo)
    draft = text.index("\ndraft:\n")
    old5 = (
        "    - verb: Notes with concern\n      text: >-\n        that these developments continue to affect "
        "the overall political environment,\n"
    )
    assert text.count(old5) == 1 and text.index(old5) > draft
    text = text.replace(old5, f"    - verb: Notes with concern\n      text: >-\n        {EDITED} Moreover,\n")
    old9 = "    - verb: Decides\n      text: to continue examining this case.\n"
    assert text.rindex(old9) > draft
    at = text.rindex(old9)
    kept = "    - kept: true\n      verb: Decides\n      text: to continue examining this case.\n"
    text = text[:at] + kept + text[at + len(old9) :]
    path.write_text(text, encoding="utf-8")
    assert ipu("validate").code == 0

    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert result.err == (
        "ipu: warning: KHM-COLL-03: 7 paragraphs of the draft block repeat an earlier decision word for "
        "word and are marked '(carried over)': edit them, or mark those kept on purpose 'kept: true'\n"
    )
    numbered = [line for line in result.out.splitlines() if line[:2] in {f"{n}." for n in range(1, 10)}]
    assert [line.startswith(f"{n}. **(carried over)** *") for n, line in enumerate(numbered, 1)] == [
        True, True, True, True, False, True, True, True, False,
    ]  # fmt: skip
    assert numbered[4].startswith(f"5. *Notes with concern* {EDITED}")
    assert numbered[8] == "9. *Decides* to continue examining this case."

    # the same marks in HTML and in Word
    html = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-f", "html").out
    assert html.count('<span class="carried">(carried over)</span>') == 7
    target = tmp_path / "d.docx"
    assert ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", str(target)).code == 0
    document = docx.Document(io.BytesIO(target.read_bytes()))
    operative = [p for p in document.paragraphs if p.style.name == "Operative Paragraph"]
    assert [p.runs[0].style.name == "Carried Over" for p in operative] == [
        True, True, True, True, False, True, True, True, False,
    ]  # fmt: skip

    # `ipu adopt` records the reviewed text without the drafting notes
    sessions = repo / "data" / "sessions.yaml"
    sessions.write_text(sessions.read_text().replace("    start: 2026-04\n", "    start: 2026-04-27\n"))
    monkeypatch.setenv("IPU_TODAY", "2026-04-30")
    adopted = ipu("adopt", "KHM-COLL-03", "--session", "180")
    assert adopted.code == 0, adopted.err
    text = path.read_text(encoding="utf-8")
    assert "kept" not in text and "\ndraft:" not in text
    assert (
        "  - session: committee-180\n    adopted: 2026-04-27\n    paragraphs:\n      - verb: Reaffirms\n"
        in text
    )
    assert text.count("      - verb: Decides\n        text: to continue examining this case.\n") == 2
    assert ipu("validate").code == 0
    rendered = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--adopted").out
    assert "(carried over)" not in rendered
    assert f"5. *Notes with concern* {EDITED}" in rendered


def test_adopt_refuses_kept_in_a_flow_style_paragraph(repo: Path, ipu, monkeypatch) -> None:
    path = repo / COLL
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "\nstatus:\n",
            "\ndraft:\n  session: committee-180\n  paragraphs:\n"
            "    - {verb: Decides, text: to continue examining this case., kept: true}\n\nstatus:\n",
        ),
        encoding="utf-8",
    )
    sessions = repo / "data" / "sessions.yaml"
    sessions.write_text(sessions.read_text().replace("    start: 2026-04\n", "    start: 2026-04-27\n"))
    monkeypatch.setenv("IPU_TODAY", "2026-04-30")
    before = path.read_text(encoding="utf-8")
    result = ipu("adopt", "KHM-COLL-03", "--session", "180")
    assert (result.code, result.out) == (1, "")
    line = (
        before.splitlines().index("    - {verb: Decides, text: to continue examining this case., kept: true}")
        + 1
    )
    assert result.err == (
        f"ipu: {COLL}:{line}: 'kept' in a paragraph written in flow style ({{...}}); "
        "remove it by hand before adopting\n"
    )
    assert path.read_text(encoding="utf-8") == before


def test_one_paragraph_carried_over_is_named_once(repo: Path, ipu) -> None:
    path = repo / COLL
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "\nstatus:\n",
            "\ndraft:\n  session: committee-180\n  paragraphs:\n"
            f"    - verb: Notes with concern\n      text: {EDITED}\n"
            "    - verb: Decides\n      text: to continue   examining this case.\n\nstatus:\n",
        ),
        encoding="utf-8",
    )
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180")
    assert result.err == (
        "ipu: warning: KHM-COLL-03: 1 paragraph of the draft block repeats an earlier decision word for word "
        "and is marked '(carried over)': edit it, or mark it 'kept: true' if it is kept on purpose\n"
    )
    numbered = [line for line in result.out.splitlines() if line[:3] in ("1. ", "2. ")]
    assert numbered == [
        f"1. *Notes with concern* {EDITED}",
        "2. **(carried over)** *Decides* to continue examining this case.",
    ]
