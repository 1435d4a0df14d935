"""French decisions and letters (issue 13): the frame, the grammar, the case's texts.

Golden files: the bundled 179th-session decision in French (tests/golden/*.fr.md), and a
decision and a letter per Victims pattern of the synthetic base (tests/golden/synthetic-fr/),
each read line by line; `IPU_UPDATE_GOLDEN=1` rewrites them from the current output.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_synthetic_documents import decision_warnings, late_letter_warning

from ipu_cli.documents import style
from ipu_cli.documents.word import docx_plain_lines, markdown_plain_lines
from ipu_cli.domain import labels
from ipu_cli.domain.casebox import complainant_sections
from ipu_cli.domain.victims import group_noun, victims_line
from ipu_cli.domain.words import number_words, of_phrase, plural_noun

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("IPU_UPDATE_GOLDEN") == "1"
NNBSP, NBSP = "\u202f", "\u00a0"


def _compare(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), path.name


# --- the tables -------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["LABELS", "BODIES", "PHRASES", "MODES", "FOOTNOTES"])
def test_every_language_has_every_entry_of_a_table(table: str) -> None:
    values = getattr(labels, table)
    english = values["en"]
    for lang in labels.LANGS:
        assert set(values[lang]) == set(english), (table, lang)
        if table == "BODIES":
            for body in english:
                assert set(values[lang][body]) == set(english[body])


def test_french_labels_as_the_ipu_prints_them() -> None:
    fr = labels.LABELS["fr"]
    assert fr["affiliated"] == "Parlement Membre de l'UIP"
    assert (fr["violations"], fr["summary"], fr["decision"]) == (
        "Allégations de violations des droits de l'homme",
        "A. Résumé du cas",
        "B. Décision",
    )
    # the follow-up labels are fixed, "(s)" and all, as the IPU prints them
    assert [
        fr[key] for key in ("from_authorities", "from_complainant", "to_authorities", "to_complainant")
    ] == [
        "Communication(s) des autorités",
        "Communication(s) du plaignant",
        "Communication(s) de l'UIP adressée(s) aux autorités",
        "Communication(s) de l'UIP adressée(s) au plaignant",
    ]
    assert labels.PHRASES["fr"]["virtual"] == "session en ligne"
    assert (
        labels.BODIES["fr"]["governing-council"]["intro"]
        == "Le Conseil directeur de l'Union interparlementaire"
    )


def test_every_violation_and_verb_has_its_french(repo: Path) -> None:
    from ipu_cli.store.refdata import load_reference

    ref = load_reference(repo)
    assert [c.code for c in ref.violations.values() if not c.label_fr] == []
    assert [v.verb for v in ref.verbs.values() if not v.fr or v.fr != v.fr.lower()] == []
    assert [c.code for c in ref.countries.values() if ref.missing_french(c.code)] == []


def test_a_governing_council_header_as_the_ipu_printed_it(repo: Path) -> None:
    """The archive's French resolution on MON/01 (Zorig Sanjasuuren): "adoptée à l'unanimité par
    le Conseil directeur à sa 175ème session (Genève, 1er octobre 2004)", and at the 176th
    "(Manille, 8 avril 2005)": the mode after "adoptée", "1er", the host city in French.
    Today's decisions say "Décision ... du Conseil directeur de l'UIP" and "175e"."""
    import datetime as dt

    from ipu_cli.documents.decision import header
    from ipu_cli.domain.datafiles import Session
    from ipu_cli.store.refdata import load_reference

    ref = load_reference(repo)
    geneva = Session(body="governing-council", number=175, place="Geneva", start=dt.date(2004, 10, 1))
    manila = Session(body="governing-council", number=176, place="Manila", start=dt.date(2005, 4, 8))
    assert header(geneva, "fr", "unanimously", place=ref.place_name("Geneva", "fr")) == (
        "Décision adoptée à l'unanimité par le Conseil directeur de l'UIP à sa 175e session (Genève, 1er octobre 2004)"
    )
    assert header(manila, "fr", "without a vote", place=ref.place_name("Manila", "fr")) == (
        "Décision adoptée sans vote par le Conseil directeur de l'UIP à sa 176e session (Manille, 8 avril 2005)"
    )
    assert (
        labels.BODIES["fr"]["governing-council"]["intro"]
        == "Le Conseil directeur de l'Union interparlementaire"
    )
    # inside the brackets a common noun stays lower case, as "session en ligne" is printed
    virtual = Session(
        body="governing-council",
        number=206,
        virtual=True,
        extraordinary=True,
        start=dt.date(2020, 11, 1),
        end=dt.date(2020, 11, 4),
    )
    assert header(virtual, "fr", "unanimously", adopted=dt.date(2020, 11, 3)) == (
        "Décision adoptée à l'unanimité par le Conseil directeur de l'UIP à sa 206e session "
        "(session extraordinaire en ligne, 3 novembre 2020)"
    )


def _holder(case_id: str, sex: str, mandate: str, scope: str) -> SimpleNamespace:
    violation = SimpleNamespace(code="arbitrary-detention", scope=scope, note=None)
    return SimpleNamespace(id=case_id, sex=sex, mandate=mandate, violations=[violation])


@pytest.mark.parametrize(
    ("holders", "expected"),
    [
        # the seed's footnote, in French: "the following former parliamentarians: ..."
        (
            [("KHM-48", "female", "former", "past"), ("KHM-60", "male", "former", "current")],
            "Violations alléguées qui concernaient auparavant les anciens parlementaires suivants\u202f: "
            "KHM-48, KHM-60. Ne s'applique actuellement qu'au cas KHM-60.",
        ),
        (
            [("FJI-11", "male", "incumbent", "past")],
            "Violations alléguées qui concernaient auparavant le parlementaire suivant\u202f: FJI-11. "
            "Ne s'applique plus.",
        ),
        (
            [("MDA-40", "female", "former", "past")],
            "Violations alléguées qui concernaient auparavant l'ancienne parlementaire suivante\u202f: "
            "MDA-40. Ne s'applique plus.",
        ),
        (
            [("MDA-40", "female", "incumbent", "past"), ("MDA-41", "female", "incumbent", "current")],
            "Violations alléguées qui concernaient auparavant les parlementaires suivantes\u202f: "
            "MDA-40, MDA-41. Ne s'applique actuellement qu'au cas MDA-41.",
        ),
    ],
)
def test_a_previously_footnote_agrees_in_number_and_gender(holders, expected) -> None:
    from ipu_cli.domain.checklist import checklist

    members = [_holder(*holder) for holder in holders] + [_holder("XXX-99", "male", "incumbent", "none")]
    members[-1].violations = []
    ref = SimpleNamespace(
        violations={"arbitrary-detention": None},
        violation_label=lambda code, lang: "Arrestation et détention",
    )
    _, notes = checklist(members, ref, "fr")
    assert [style.typography(note.text) for note in notes] == [expected]


# --- words, dates, typography -------------------------------------------------------------------


def test_french_dates_ordinals_and_numbers() -> None:
    import datetime as dt

    assert style.date_range(dt.date(2026, 2, 2), dt.date(2026, 2, 18), "fr") == "2-18 février 2026"
    assert style.date_range(dt.date(2023, 1, 21), dt.date(2023, 2, 2), "fr") == "21 janvier-2 février 2023"
    assert style.date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), "fr") == (
        "30 décembre 2025-2 janvier 2026"
    )
    assert style.full_date(dt.date(2026, 3, 1), "fr") == "1er mars 2026"
    assert [style.ordinal(n, "fr") for n in (1, 2, 179)] == ["1re", "2e", "179e"]
    assert [number_words(1, "fr"), number_words(1, "fr", feminine=True), number_words(4, "fr")] == [
        "un",
        "une",
        "quatre",
    ]
    assert number_words(1234, "fr") == "1\u202f234"
    assert number_words(1234) == "1234"


def test_of_phrase_contracts_the_french_article() -> None:
    assert [
        of_phrase(p, "fr")
        for p in ("le Cambodge", "les Philippines", "la République démocratique du Congo", "l'Iraq")
    ] == ["du Cambodge", "des Philippines", "de la République démocratique du Congo", "de l'Iraq"]
    assert [of_phrase(p, "fr") for p in ("Madagascar", "Haïti", "Israël")] == [
        "de Madagascar",
        "d'Haïti",
        "d'Israël",
    ]
    assert of_phrase("the Philippines") == "of the Philippines"


def test_french_plurals_of_grouped_descriptions() -> None:
    assert [plural_noun(w, "fr") for w in ("Lettre", "Courriel", "Fax", "Journal", "Réseau")] == [
        "Lettres",
        "Courriels",
        "Fax",
        "Journaux",
        "Réseaux",
    ]


def test_complainant_sections_and_sub_items_in_french() -> None:
    assert complainant_sections(["I.1(c)"], "fr") == "Section I. 1 c)"
    assert complainant_sections(["I.1(d)", "I.1(a)"], "fr") == "Section I. 1 a) et d)"
    assert [style.item_letter(i, "fr") for i in (0, 2, 26)] == ["a)", "c)", "aa)"]
    assert style.case_line("KHM-48", "Mu Sochua", "female", "fr") == "KHM-48 - Mu Sochua (Mme)"


def test_typography_in_markdown() -> None:
    text = 'Victimes: un député; et? "citation" à 10:30, voir https://ipu.org/x:y. Fin!'
    assert style.typography(text) == (
        f"Victimes{NNBSP}: un député{NNBSP}; et{NNBSP}? «{NBSP}citation{NBSP}» à 10:30, "
        f"voir https://ipu.org/x:y. Fin{NNBSP}!"
    )
    # a space typed before the sign is replaced, not doubled; the function is idempotent
    once = style.typography("Cambodge : Parlement ; « texte » ; “curly”")
    assert once == f"Cambodge{NNBSP}: Parlement{NNBSP}; «{NBSP}texte{NBSP}»{NNBSP}; «{NBSP}curly{NBSP}»"
    assert style.typography(once) == once


def test_typography_in_html_leaves_markup_alone() -> None:
    page = '<p style="color: red;">Cas: A &amp; B</p><style>a { b: c; }</style>'
    assert style.typography(page, html=True) == (
        f'<p style="color: red;">Cas{NNBSP}: A &amp; B</p><style>a {{ b: c; }}</style>'
    )


# --- the Victims line ---------------------------------------------------------------------------


def _mp(sex: str, mandate: str = "incumbent", affiliation: str = "opposition", young: bool = False):
    return SimpleNamespace(sex=sex, mandate=mandate, affiliation=affiliation, young=young)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([_mp("male")], ("Victime", "un député de l'opposition")),
        ([_mp("female")], ("Victime", "une députée de l'opposition")),
        ([_mp("female", "former", "unknown")], ("Victime", "une ancienne députée")),
        ([_mp("male", "elect", "majority")], ("Victime", "un député élu de la majorité")),
        (
            [_mp("female", "substitute", "independent", True)],
            ("Victime", "une jeune députée suppléante indépendante"),
        ),
        (
            [_mp("male", "former")] * 34 + [_mp("female", "former")] * 4,
            ("Victimes", "38 anciens parlementaires de l'opposition (34 hommes et quatre femmes)"),
        ),
        (
            [_mp("male")] * 7,
            ("Victimes", "sept parlementaires de l'opposition (tous des hommes)"),
        ),
        (
            [_mp("female", "former")] * 3,
            ("Victimes", "trois anciennes parlementaires de l'opposition (toutes des femmes)"),
        ),
        (
            [_mp("male")] * 60
            + [_mp("male", young=True)] * 2
            + [_mp("male", "substitute", young=True), _mp("male", "elect")],
            (
                "Victimes",
                "64 parlementaires de l'opposition (tous des hommes, dont trois jeunes parlementaires, "
                "un parlementaire suppléant et un parlementaire élu)",
            ),
        ),
        (
            [_mp("male", affiliation="majority")] * 2
            + [_mp("female", "former", "majority"), _mp("female", "substitute"), _mp("male")],
            (
                "Victimes",
                "cinq parlementaires (trois hommes et deux femmes, dont une ancienne parlementaire et une "
                "parlementaire suppléante); trois parlementaires de la majorité et deux de l'opposition",
            ),
        ),
        (
            [_mp("female", affiliation="independent")] * 4 + [_mp("female")],
            (
                "Victimes",
                "cinq parlementaires (toutes des femmes); quatre parlementaires indépendantes et une de "
                "l'opposition",
            ),
        ),
        (
            [_mp("male", "elect")] * 2 + [_mp("female", "incumbent", "majority")],
            (
                "Victimes",
                "trois parlementaires (deux hommes et une femme, dont deux parlementaires élus); "
                "deux parlementaires de l'opposition et une de la majorité",
            ),
        ),
    ],
)
def test_victims_line_in_french_grammar(members, expected) -> None:
    assert victims_line(None, members, "fr") == expected


def test_group_noun_in_french_for_letters() -> None:
    assert (
        group_noun([_mp("male", "former")] * 2 + [_mp("female", "former")], "fr") == "anciens parlementaires"
    )
    assert group_noun([_mp("female", "elect")] * 2, "fr") == "parlementaires élues"


# --- the bundled decision, with and without its translation -------------------------------------

ENGLISH = [
    r"\bDecision\b",
    r"\badopted\b",
    r"\bCommittee\b",
    r"\bVictims?\b",
    r"\bmale\b",
    r"\bfemale\b",
    r"\bformer\b",
    r"opposition parliamentarians",
    r"\bCase\b",
    r"\bRecent\b",
    r"follow-up",
    r"Communication from",
    r"Communication to",
    r"\bCambodia\b",
    r"\bGeneva\b",
    r"\bFebruary\b",
    r"\bMarch\b",
    r"Only concerns",
    r"\bAlleged\b",
    r"Parliament affiliated",
    r"Submission of complaint",
    r"Qualified complainant",
    r"\bSummary\b",
    r"IPU mission",
    r"\b[Hh]earings?\b",
    r"Annex I\b",
    r"Committee Procedure",
    r"\(Ms\.\)",
    r"\bReaffirms\b",
    r"Inter-Parliamentary",
    r"For democracy",
    r"\bpreviously\b",
    r"\bcurrently\b",
    r"\bin the context\b",
]
"""English words that no French decision's frame may hold."""
PROSE = [r"\bthe\b", r"\band\b", r"\bof\b", r"\bto\b", r"\bthat\b", r"\[EN\]"]
"""...and that a fully translated decision holds nowhere."""
ADOPTED_FR = ("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted", "--lang", "fr")


def _visible_html(page: str) -> str:
    page = re.sub(r"<style\b.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _english_left(text: str, patterns: list[str]) -> list[str]:
    return [p for p in patterns if re.search(p, text)]


def _three_formats(ipu, tmp_path: Path) -> dict[str, str]:
    markdown = ipu(*ADOPTED_FR)
    page = ipu(*ADOPTED_FR, "--format", "html")
    word = tmp_path / "d.docx"
    written = ipu(*ADOPTED_FR, "-o", str(word))
    assert (markdown.code, page.code, written.code) == (0, 0, 0)
    return {
        "md": markdown.out,
        "html": _visible_html(page.out),
        "docx": "\n".join(docx_plain_lines(word.read_bytes())),
        "err": markdown.err,
    }


def test_the_bundled_decision_in_french_holds_no_english(repo: Path, ipu, tmp_path: Path) -> None:
    texts = _three_formats(ipu, tmp_path)
    assert texts.pop("err") == ""
    for fmt, text in texts.items():
        assert _english_left(text, ENGLISH + PROSE) == [], fmt
        assert (
            "Décision adoptée par le Comité des droits de l'homme des parlementaires à sa 179e session"
            in text
        )


def test_the_bundled_decision_in_french_matches_its_golden_file(repo: Path, ipu) -> None:
    result = ipu(*ADOPTED_FR)
    assert (result.code, result.err) == (0, "")
    _compare(GOLDEN / "KHM-COLL-03-committee-179-adopted.fr.md", result.out)


def test_without_a_translation_the_frame_is_french_and_every_english_text_is_marked(
    repo: Path, ipu, tmp_path: Path
) -> None:
    (repo / "cases/KHM/KHM-COLL-03.fr.yaml").unlink()
    (repo / "cases/KHM/KHM-60.fr.yaml").unlink()
    texts = _three_formats(ipu, tmp_path)
    err = texts.pop("err").splitlines()
    assert err[0] == (
        "ipu: warning: cases/KHM/KHM-COLL-03.yaml:53:10: no French for the summary, paragraph 1; "
        "printed in English, marked [EN]"
    )
    assert err[-1] == (
        "ipu: warning: cases/KHM/KHM-60.yaml:29:11: no French for the note on violation inhumane-detention; "
        "printed in English, marked [EN]"
    )
    assert (
        len(err) == 21
    )  # five summary paragraphs, a hearing, two letters, nine paragraphs, three items, a note
    for fmt, text in texts.items():
        frame = "\n".join(re.sub(r"\\?\[EN\\?\].*", "", line) for line in text.splitlines())
        assert _english_left(frame, ENGLISH) == [], fmt
        assert "*Traduction non officielle*" not in text
    assert "³ Ne concerne que le cas KHM-60 \\[EN\\] in the context of solitary confinement." in texts["md"]
    assert (
        f"- Communication(s) des autorités{NNBSP}: \\[EN\\] Letter from the Secretary General of the National "
        "Assembly (mars 2023)"
    ) in texts["md"]


def test_a_french_decision_goes_through_french_typography(repo: Path, ipu) -> None:
    text = ipu(*ADOPTED_FR).out
    assert re.findall(r"[^\u202f]([:;!?])(\s|$)", text) == []
    assert f"Victimes{NNBSP}: 38 anciens parlementaires de l'opposition (34 hommes et quatre femmes)" in text
    page = ipu(*ADOPTED_FR, "--format", "html").out
    assert '<html lang="fr">' in page
    assert f'<span class="label">Victimes{NNBSP}:</span>' in page


def test_a_french_draft_says_projet(repo: Path, ipu) -> None:
    """A French draft says what it is, in French: PROJET on the page, the draft's header for
    the coming session, and the paragraphs carried over unedited marked in French."""
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--lang", "fr")
    assert result.out.startswith("**PROJET**\n")
    assert (
        "\nProjet de décision pour la 180e session du Comité des droits de l'homme des parlementaires "
        "(avril 2026)\n" in result.out
    )
    assert "Décision adoptée" not in result.out
    assert "\n1. **(repris tel quel)** *réaffirme* que " in result.out
    assert result.err.endswith(
        "ipu: warning: KHM-COLL-03: the draft repeats the decision adopted at committee-179 word for word "
        "(9 paragraphs marked '(repris tel quel)'); start the case's draft block with "
        "'ipu start-draft KHM-COLL-03 --session 180' and edit it\n"
    )
    page = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "--lang", "fr", "--format", "html").out
    assert '<div class="page-mark" aria-hidden="true">PROJET</div>' in page
    assert "DRAFT" not in _visible_html(page)
    assert '<span class="carried">(repris tel quel)</span> <em>réaffirme</em>' in page


def test_an_edited_english_text_loses_its_old_french(repo: Path, ipu) -> None:
    path = repo / "cases/KHM/KHM-COLL-03.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "text: to continue examining this case.", "text: to continue examining the case."
        ),
        encoding="utf-8",
    )
    checked = ipu("validate")
    assert (checked.code, checked.out) == (
        0,
        "cases/KHM/KHM-COLL-03.fr.yaml:204:9: warning translation-unused this English text is not in "
        "KHM-COLL-03.yaml (edited or removed since it was translated): copy the new English here and "
        "update the translation, or delete the pair\n",
    )
    listed = ipu("validate", "--lang", "fr").out.splitlines()
    assert (
        "cases/KHM/KHM-COLL-03.yaml:227:15: warning untranslated no French for the decision committee-179, "
        "paragraph 9 (add it to KHM-COLL-03.fr.yaml)" in listed
    )
    decision = ipu(*ADOPTED_FR)
    assert "9. *décide* \\[EN\\] to continue examining the case." in decision.out
    assert decision.err == (
        "ipu: warning: cases/KHM/KHM-COLL-03.yaml:227:15: no French for the decision committee-179, "
        "paragraph 9; printed in English, marked [EN]\n"
    )


# --- translation files: checks --------------------------------------------------------------


def test_translation_file_problems(repo: Path, ipu) -> None:
    (repo / "cases/KHM/KHM-999.fr.yaml").write_text("status: unofficial\ntexts: []\n", encoding="utf-8")
    note = repo / "cases/KHM/KHM-60.fr.yaml"
    note.write_text(
        note.read_text(encoding="utf-8")
        + "  - en: in the context of  solitary\n      confinement\n    fr: autre chose\n",
        encoding="utf-8",
    )
    result = ipu("validate")
    assert (result.code, result.out) == (
        1,
        "cases/KHM/KHM-60.fr.yaml:9:9: error duplicate-translation this English text is already translated "
        "at line 7; keep one of the two\n"
        "cases/KHM/KHM-999.fr.yaml:1:1: error translation-orphan no case file KHM-999.yaml beside this "
        "translation: rename it after its case file, or delete it\n",
    )
    assert result.err == "39 files checked: 2 errors, 0 warnings\n"
    assert ipu("validate", "cases/KHM/KHM-999.fr.yaml").out.startswith("cases/KHM/KHM-999.fr.yaml:1:1: error")


def test_a_broken_translation_refuses_french_documents_only(repo: Path, ipu) -> None:
    (repo / "cases/KHM/KHM-COLL-03.fr.yaml").write_text("status: unofficial\ntexts: [\n", encoding="utf-8")
    french = ipu(*ADOPTED_FR)
    assert (french.code, french.out) == (1, "")
    assert french.err.endswith(
        "ipu: cannot make the document in 'fr': cases/KHM/KHM-COLL-03.fr.yaml cannot be used (see 'ipu validate')\n"
    )
    assert french.err.startswith("cases/KHM/KHM-COLL-03.fr.yaml:3:1: error yaml-syntax")
    assert ipu("draft-decision", "KHM-COLL-03", "--session", "179", "--adopted").code == 0
    assert ipu("list", "-f", "csv").code == 0
    assert ipu("stats", "-f", "json").code == 0


def test_validate_lang_lists_what_lacks_french(repo: Path, ipu) -> None:
    (repo / "cases/KHM/KHM-60.fr.yaml").unlink()
    result = ipu("validate", "--lang", "fr")
    assert (result.code, result.out) == (
        0,
        "cases/KHM/KHM-60.yaml:29:11: warning untranslated no French for the note on violation "
        "inhumane-detention (add it to KHM-60.fr.yaml)\n",
    )
    assert result.err == "39 files checked: 0 errors, 1 warning\n"
    assert ipu("validate", "--lang", "fr", "--strict").code == 1
    assert ipu("validate").out == ""
    typer_path = ipu("validate", "--lang=fr", "-f", "parsable")
    assert typer_path.out.startswith("cases/KHM/KHM-60.yaml:29:11: [warning] no French for the note")
    wrong = ipu("validate", "--lang", "de")
    assert (wrong.code, wrong.err) == (2, "ipu: unknown language 'de' for --lang; choose from fr\n")


def test_validate_lang_names_data_without_french(repo: Path, ipu) -> None:
    path = repo / "data/violations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    label_fr: Impunité\n", ""), encoding="utf-8"
    )
    assert ipu("validate", "--lang", "fr").out == (
        "data/violations.yaml:72:5: warning untranslated no French label (label_fr) for violation 'impunity'\n"
    )
    result = ipu(*ADOPTED_FR)
    assert "- ✓ \\[EN\\] Impunity¹" in result.out
    assert result.err == (
        "ipu: warning: data/violations.yaml: violation 'impunity' has no label_fr; printed in English, "
        "marked [EN]\n"
    )


# --- letters --------------------------------------------------------------------------------


def test_the_bundled_letter_in_french(repo: Path, ipu) -> None:
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr")
    assert (result.code, result.err) == (0, "")
    _compare(GOLDEN / "letter-KHM-COLL-03-authorities-179.fr.md", result.out)
    assert _english_left(result.out, ENGLISH + PROSE) == []


def _word(ipu, tmp_path: Path, *args: str) -> bytes:
    target = tmp_path / "document.docx"
    result = ipu(*args, "-o", str(target))
    assert (result.code, result.err.splitlines()[-1]) == (0, f"ipu: wrote {target}")
    return target.read_bytes()


def test_the_bundled_decision_in_french_in_word(repo: Path, ipu, tmp_path: Path) -> None:
    """Word says what the Markdown says, typography included; Word letters the sub-items "a)"
    as the French Markdown does, and the file is tagged French."""
    import io

    import docx

    data = _word(ipu, tmp_path, *ADOPTED_FR)
    golden = (GOLDEN / "KHM-COLL-03-committee-179-adopted.fr.md").read_text(encoding="utf-8")
    lines = docx_plain_lines(data)
    assert lines == markdown_plain_lines(golden)
    assert f"Victimes{NNBSP}: 38 anciens parlementaires de l'opposition (34 hommes et quatre femmes)" in lines
    assert (
        f"a) la dissolution du CNRP et la révocation des mandats parlementaires qui en a découlé{NNBSP};"
        in lines
    )
    assert lines[-4] == "Traduction non officielle"
    assert docx.Document(io.BytesIO(data)).core_properties.language == "fr-FR"


def test_a_french_draft_in_word_is_marked_in_french(repo: Path, ipu, tmp_path: Path) -> None:
    import io

    import docx

    data = _word(ipu, tmp_path, "draft-decision", "KHM-COLL-03", "--session", "180", "--lang", "fr")
    document = docx.Document(io.BytesIO(data))
    assert [p.text for s in document.sections for p in s.header.paragraphs if p.text] == ["PROJET"]
    lines = docx_plain_lines(data)
    assert lines[3].startswith("Projet de décision pour la 180e session du Comité")
    assert lines[lines.index("Le Comité des droits de l'homme des parlementaires") + 1].startswith(
        "1. (repris tel quel) réaffirme que "
    )


def test_a_french_letter_in_word(repo: Path, ipu, tmp_path: Path) -> None:
    """The French letter on its own template: the French letterhead, "Genève, le 1er mars 2026",
    the closing that echoes the salutation, the signatory's French title; the text is the
    Markdown's."""
    import io

    import docx

    data = _word(ipu, tmp_path, "draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr")
    golden = (GOLDEN / "letter-KHM-COLL-03-authorities-179.fr.md").read_text(encoding="utf-8")
    assert docx_plain_lines(data) == markdown_plain_lines(golden)
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs[0] == ("Date Line", "Genève, le 1er mars 2026")
    start = [name for name, _ in paragraphs].index("Closing")
    assert paragraphs[start : start + 4] == [
        (
            "Closing",
            "Je vous prie d'agréer, Monsieur le Secrétaire général, l'assurance de ma haute considération.",
        ),
        ("Signature Name", "Martin Chungong"),
        ("Signature Title", "Secrétaire général de l'Union interparlementaire"),
        (
            "Enclosure Line",
            f"Pièce jointe{NNBSP}: Décision adoptée par le Comité des droits de l'homme des parlementaires "
            "à sa 179e session (Genève, 2-18 février 2026)",
        ),
    ]
    letterhead = document.sections[0].first_page_header
    assert [c.text for c in letterhead.tables[0].rows[0].cells] == [
        "",
        "Union interparlementaire\nPour la démocratie. Pour tous.",
        "Chemin du Pommier 5\nCH-1218 Le Grand-Saconnex / Genève\nSuisse\nwww.ipu.org",
    ]
    assert document.core_properties.language == "fr-FR"
    page = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr", "--format", "html").out
    assert "CH-1218 Le Grand-Saconnex / Genève<br>Suisse<br>www.ipu.org" in page


def test_a_signatory_without_french_title_is_marked_and_named(repo: Path, ipu) -> None:
    path = repo / "data/secretariat.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  title_fr: Secrétaire général de l'Union interparlementaire\n", ""), "utf-8"
    )
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr")
    assert (result.code, result.err) == (
        0,
        "ipu: warning: data/secretariat.yaml: the signatory has no title_fr; printed in English, marked [EN]\n",
    )
    assert "\nMartin Chungong\n\n\\[EN\\] Secretary General of the Inter-Parliamentary Union\n" in result.out
    english = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "en")
    assert (english.code, english.err) == (0, "")
    assert ipu("validate", "--lang", "fr").out == (
        "data/secretariat.yaml:11:10: warning untranslated no French title (title_fr) for the signatory "
        "of letters\n"
    )


def test_a_french_letter_is_logged_in_english(repo: Path, ipu) -> None:
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "fr", "-o", "l.md", "--log")
    assert result.code == 0, result.err
    assert result.err == (
        "ipu: wrote l.md\n"
        "ipu: logged in cases/KHM/KHM-COLL-03.yaml: Letter to the Secretary General of the National Assembly\n"
    )


def test_a_letter_in_an_unknown_language_is_a_usage_error(repo: Path, ipu) -> None:
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--lang", "de")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: unknown language 'de'; choose from en, fr\n",
    )


# --- the synthetic base: a decision and a letter per Victims pattern --------------------------------

FR_GOLDEN = GOLDEN / "synthetic-fr"
HND_MISSING = [
    ("cases/HND/HND-COLL-02.yaml:20:10", "the summary"),
    ("cases/HND/HND-COLL-02.yaml:52:15", "the decision governing-council-215, paragraph 1"),
    ("cases/HND/HND-COLL-02.yaml:54:15", "the decision governing-council-215, paragraph 2"),
    ("cases/HND/HND-COLL-02.yaml:56:15", "the decision governing-council-215, paragraph 3"),
    ("cases/HND/HND-COLL-02.yaml:61:15", "the decision governing-council-215, paragraph 4"),
]


def _missing(lines: list[tuple[str, str]]) -> str:
    return "".join(
        f"ipu: warning: {where}: no French for {what}; printed in English, marked [EN]\n"
        for where, what in lines
    )


FR_DECISIONS = [
    # (case, session, adopted, expected stderr): one MP a woman; one MP former, affiliation
    # unknown; 64 men with sub-groups; mixed sexes, mandates and affiliations (no translation:
    # the English texts marked); five women of two affiliations; four women after a closure
    ("PHL-08", "committee-177", True, ""),
    ("LBY-12", "committee-179", True, ""),
    ("COD-COLL-01", "committee-179", True, ""),
    ("HND-COLL-02", "governing-council-215", True, _missing(HND_MISSING)),
    ("MDA-COLL-01", "committee-178", True, ""),
    (
        "MDA-COLL-01",
        "committee-180",
        False,
        decision_warnings("MDA-COLL-01", "committee-180", False, "(repris tel quel)"),
    ),
]
FR_LETTERS = [
    # (case, party, arguments, expected stderr); COD-COLL-01's authorities: French by default
    ("PHL-08", "authorities", ["--lang", "fr"], late_letter_warning("PHL-08", "179th", "February 2026")),
    ("COD-COLL-01", "authorities", [], ""),
    (
        "HND-COLL-02",
        "complainant",
        ["--lang", "fr"],
        "ipu: warning: HND-COLL-02: no addressee for the complainant in the case file; the letter opens "
        "'Madame, Monsieur,'\n"
        + late_letter_warning("HND-COLL-02", "179th", "February 2026")
        + _missing(HND_MISSING[1:]),
    ),
    (
        "MDA-COLL-01",
        "authorities",
        ["--lang", "fr"],
        late_letter_warning("MDA-COLL-01", "179th", "February 2026"),
    ),
    ("LBY-12", "complainant", ["--lang", "fr"], ""),
]


def _decision(case: str, session: str, adopted: bool) -> tuple[list[str], str]:
    args = ["draft-decision", case, "--session", session, "--lang", "fr", *(["--adopted"] if adopted else [])]
    return args, f"{case}-{session}-{'adopted' if adopted else 'draft'}"


def _letter(case: str, party: str, extra: list[str]) -> tuple[list[str], str]:
    return ["draft-letter", case, "--to", party, *extra], f"letter-{case}-{party}"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("case", "session", "adopted", "err"), FR_DECISIONS)
def test_french_decisions_of_the_synthetic_base(synthetic, ipu, case, session, adopted, err, fmt) -> None:
    args, name = _decision(case, session, adopted)
    result = ipu(*args, "--format", fmt)
    assert (result.code, result.err) == (0, err)
    _compare(FR_GOLDEN / f"{name}.{fmt}", result.out)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("case", "party", "extra", "err"), FR_LETTERS)
def test_french_letters_of_the_synthetic_base(synthetic, ipu, case, party, extra, err, fmt) -> None:
    args, name = _letter(case, party, extra)
    result = ipu(*args, "--format", fmt)
    assert (result.code, result.err) == (0, err)
    _compare(FR_GOLDEN / f"{name}.{fmt}", result.out)


@pytest.mark.parametrize(
    "args",
    [_decision(*d[:3])[0] for d in FR_DECISIONS] + [_letter(*letter[:3])[0] for letter in FR_LETTERS],
    ids=[_decision(*d[:3])[1] for d in FR_DECISIONS] + [_letter(*letter[:3])[1] for letter in FR_LETTERS],
)
def test_french_word_text_equals_markdown_text(synthetic, ipu, tmp_path, args) -> None:
    markdown = ipu(*args).out
    target = tmp_path / "document.docx"
    assert ipu(*args, "-o", str(target)).code == 0
    assert docx_plain_lines(target.read_bytes()) == markdown_plain_lines(markdown)


def test_every_french_golden_file_is_tested() -> None:
    names = {p.name for p in FR_GOLDEN.iterdir()}
    expected = {f"{_decision(*d[:3])[1]}.{fmt}" for d in FR_DECISIONS for fmt in ("md", "html")}
    expected |= {f"{_letter(*letter[:3])[1]}.{fmt}" for letter in FR_LETTERS for fmt in ("md", "html")}
    assert names == expected


def test_internal_texts_stay_out_of_french_documents_even_translated(synthetic, ipu) -> None:
    path = synthetic / "cases/PHL/PHL-08.fr.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - en: Call from the Chief of Staff of the Senate President\n    fr: Appel du chef de cabinet\n"
        + "  - en: Chief of Staff of the Senate President\n    fr: Chef de cabinet du Président du Sénat\n",
        encoding="utf-8",
    )
    for args in (
        ["draft-decision", "PHL-08", "--session", "governing-council-215", "--adopted", "--lang", "fr"],
        ["draft-letter", "PHL-08", "--to", "authorities", "--lang", "fr"],
    ):
        result = ipu(*args)
        assert result.code == 0
        assert "cabinet" not in result.out and "Chief of Staff" not in result.out


# --- ipu untranslated ---------------------------------------------------------------------------


def test_untranslated_prints_the_pairs_to_fill_in(synthetic, ipu) -> None:
    result = ipu("untranslated", "HND-COLL-02")
    assert result.code == 0
    assert result.out.splitlines()[:12] == [
        "# yaml-language-server: $schema=../../schemas/translation.schema.json",
        "# French texts of HND-COLL-02.yaml (docs/translations.md).",
        "status: unofficial",
        "texts:",
        "  # summary",
        "  - en: >-",
        "      Five members of the National Congress from both sides of the house were threatened",
        "      after speaking in the debate on a new mining law in October 2023. One of them,",
        "      former member Efraín Padgett Mejía, was killed in an ambush in March 2024.",
        "    fr:",
        "  # parliament",
        "  - en: National Congress",
    ]
    assert result.err == (
        "ipu: 13 texts of cases/HND/HND-COLL-02.yaml to translate: save them as "
        "cases/HND/HND-COLL-02.fr.yaml (or use --write)\n"
    )
    written = ipu("untranslated", "HND-COLL-02", "--write")
    assert (written.code, written.out, written.err) == (
        0,
        "",
        "ipu: added 13 texts to translate to cases/HND/HND-COLL-02.fr.yaml\n",
    )
    assert (synthetic / "cases/HND/HND-COLL-02.fr.yaml").read_text(encoding="utf-8") == result.out
    assert ipu("validate").code == 0
    again = ipu("untranslated", "HND-COLL-02", "--write")
    assert (again.code, again.out, again.err) == (
        0,
        "",
        "ipu: 13 texts listed in cases/HND/HND-COLL-02.fr.yaml still without a translation (empty fr)\n",
    )


def test_untranslated_write_appends_or_refuses(synthetic, ipu) -> None:
    path = synthetic / "cases/HND/HND-COLL-02.fr.yaml"
    path.write_text(
        "status: official\ntexts:\n  - en: National Congress\n    fr: le Congrès national\n", encoding="utf-8"
    )
    result = ipu("untranslated", "HND-COLL-02", "--write")
    assert result.err == "ipu: added 12 texts to translate to cases/HND/HND-COLL-02.fr.yaml\n"
    assert path.read_text(encoding="utf-8").startswith(
        "status: official\ntexts:\n  - en: National Congress\n    fr: le Congrès national\n  # summary\n"
    )
    path.write_text(
        "texts:\n  - en: National Congress\n    fr: le Congrès national\nstatus: official\n", encoding="utf-8"
    )
    refused = ipu("untranslated", "HND-COLL-02", "--write")
    assert (refused.code, refused.err) == (
        1,
        "ipu: cannot add the pairs at the end of cases/HND/HND-COLL-02.fr.yaml: its `texts` list is not the "
        "last thing in the file; nothing written (print them without --write and paste them)\n",
    )


def test_untranslated_of_a_case_with_no_printed_text_names_no_file_as_holding_them(synthetic, ipu) -> None:
    """FJI-11 prints nothing of its own (a member with no context note): no translation file is
    needed, and none is said to hold translations (it said "has its translation in" a file that
    does not exist)."""
    result = ipu("untranslated", "FJI-11")
    assert (result.code, result.out, result.err) == (
        0,
        "",
        "ipu: cases/FJI/FJI-11.yaml holds no text that documents print; it needs no cases/FJI/FJI-11.fr.yaml\n",
    )
    assert not (synthetic / "cases/FJI/FJI-11.fr.yaml").exists()


def test_untranslated_offers_the_standard_paragraphs_in_french(repo: Path, ipu) -> None:
    assert ipu(
        "new", "individual", "KHM-201", "--name", "Dara Vannak", "--sex", "female",
        "--parliament", "National Assembly", "--mandate", "incumbent", "--affiliation", "opposition",
    ).code == 0  # fmt: skip
    assert ipu("complaint", "KHM-201", "received", "--date", "2025-11-20", "--section", "I.1(a)").code == 0
    assert ipu(
        "complaint", "KHM-201", "admissible", "--session", "179", "--mandate", "sitting", "--began", "2025-10",
        "--allegation", "arbitrary-detention",
    ).code == 0  # fmt: skip
    (repo / "cases/KHM/KHM-201.fr.yaml").write_text(
        "status: unofficial\ntexts:\n  - en: National Assembly\n    fr: Assemblée nationale\n    prose: l'Assemblée nationale\n",
        encoding="utf-8",
    )
    assert ipu("untranslated", "KHM-201", "--write").err == (
        "ipu: added 5 texts to translate to cases/KHM/KHM-201.fr.yaml\n"
    )
    result = ipu("draft-decision", "KHM-201", "--session", "179", "--lang", "fr", "--include-confidential")
    assert result.code == 0
    part_b = result.out[result.out.index("## B. Décision") :]
    assert part_b.splitlines()[4:9] == [
        "1. *note* que la plainte concernant Mme Dara Vannak a été présentée par un plaignant qualifié au "
        f"titre de la section I. 1 a) de la Procédure du Comité (Annexe I){NNBSP};",
        "2. *note* qu'elle était membre en exercice de l'Assemblée nationale lorsque les violations alléguées "
        f"ont commencé, en octobre 2025{NNBSP};",
        "3. *note* que la plainte porte sur les allégations suivantes, qui relèvent du mandat du "
        f"Comité{NNBSP}:",
        f"   - a) arrestation et détention arbitraires{NNBSP};",
        "4. *considère* que la plainte est donc recevable au titre de la section IV de la Procédure du Comité "
        f"(Annexe I), et *se déclare* compétent pour examiner le cas{NNBSP};",
    ]
    assert result.err == "ipu: warning: KHM-201: the case has no summary\n"
