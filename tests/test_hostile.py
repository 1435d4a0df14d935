"""What a case officer (or a hostile file) can throw at validate, show, list, stats and export.

Broken single files live in the corpus (tests/corpus/, run by test_validate.py); these tests
cover what the corpus cannot: file names, encodings, several files, and the other commands.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

KHM = Path("cases") / "KHM"
ROOT_DIR = Path(__file__).resolve().parent.parent
BROKEN_48 = "id: KHM-48\nname: [unclosed\n"
BROKEN_48_PROBLEMS = (
    "cases/KHM/KHM-48.yaml:3:1: error yaml-syntax while parsing a flow sequence: did not find expected ',' or ']'"
    "; likely cause: a list opened with '[' and not closed, or a ',' inside an item\n"
    "ipu: how to fix yaml-syntax: ipu validate --explain yaml-syntax\n"
)

# Every column of `ipu list`, in order, as its messages name them.
ALL_COLUMNS = (
    "id, kind, name, sex, country, region, parliament, mandate, affiliation, party, "
    "collectives, members, size, status, closed, deceased, violations, current_violations, confidentiality"
)


def test_bom_and_crlf_are_read_like_any_file(repo, ipu):
    """Windows editors write a BOM and CRLF line endings: both are valid YAML, the file is clean."""
    text = (repo / KHM / "KHM-48.yaml").read_text(encoding="utf-8")
    (repo / KHM / "KHM-48.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", "39 files checked: no problems\n")
    shown = ipu("show", "KHM-48", "--format", "json")
    assert shown.code == 0
    assert json.loads(shown.out)["name"] == "Mu Sochua"


def test_individual_fields_in_a_collective_file(repo, ipu):
    (repo / KHM / "KHM-COLL-09.yaml").write_text(
        "id: KHM-COLL-09\nname: Test Person\nsex: male\ncountry: KHM\n", encoding="utf-8"
    )
    result = ipu("validate")
    assert result.out == (
        "cases/KHM/KHM-COLL-09.yaml:2:1: error wrong-kind 'name' belongs in an individual case, but this "
        "file is named for a collective case (KHM-COLL-NN); an MP's id and file name look like KHM-60\n"
    )
    assert result.code == 1


def test_non_yaml_file_in_cases_is_ignored_by_a_full_run(repo, ipu):
    (repo / KHM / "notes.txt").write_text("call the complainant\n", encoding="utf-8")
    (repo / KHM / "README.md").write_text("# Cambodia\n", encoding="utf-8")
    result = ipu("validate")
    assert (result.code, result.out, result.err) == (0, "", "39 files checked: no problems\n")
    listed = ipu("list", "--format", "json")
    assert listed.code == 0
    assert len(json.loads(listed.out)) == 38


def test_non_yaml_file_named_on_the_command_line_is_an_error(repo, ipu):
    """Naming a file that is never checked must not print 'no problems'."""
    (repo / KHM / "notes.txt").write_text("call the complainant\n", encoding="utf-8")
    result = ipu("validate", "cases/KHM/notes.txt", "cases/KHM/KHM-48.yaml")
    assert (
        result.out
        == "cases/KHM/notes.txt:1:1: error not-a-case-file not a case file: case files end in .yaml or .yml\n"
    )
    assert result.err == "2 files checked: 1 error, 0 warnings\n"
    assert result.code == 1


def test_missing_file_named_on_the_command_line(repo, ipu):
    result = ipu("validate", "cases/KHM/KHM-600.yaml")
    assert result.out == "cases/KHM/KHM-600.yaml:1:1: error unreadable no such file\n"
    assert result.code == 1


@pytest.mark.parametrize("command", ["validate", "list", "stats", "export"])
def test_root_pointing_at_a_file(repo, ipu, command):
    target = repo / KHM / "KHM-48.yaml"
    args = [command, "--root", str(target)]
    if command == "export":
        args += ["--format", "json", "-o", str(repo / "out.json")]
    result = ipu(*args)
    assert result.err == f"ipu: {target} is not a case repository: it has no 'cases/' folder\n"
    assert (result.code, result.out) == (2, "")


def test_show_root_pointing_at_a_file(repo, ipu):
    target = repo / KHM / "KHM-48.yaml"
    result = ipu("show", "KHM-60", "--root", str(target))
    assert result.err == f"ipu: {target} is not a case repository: it has no 'cases/' folder\n"
    assert (result.code, result.out) == (2, "")


@pytest.mark.parametrize("fmt", ["text", "json", "yaml"])
def test_show_collective_with_a_broken_member(repo, ipu, fmt):
    (repo / KHM / "KHM-48.yaml").write_text(BROKEN_48, encoding="utf-8")
    result = ipu("show", "KHM-COLL-03", "--format", fmt)
    assert result.out == ""
    assert result.err == (
        BROKEN_48_PROBLEMS + "ipu: cannot read cases/KHM/KHM-48.yaml; run 'ipu validate' for details\n"
    )
    assert result.code == 1


def test_list_with_a_broken_file_prints_rows_then_errors_and_fails(repo, ipu):
    """A broken file would silently drop a case from the answer: the rows come, then the errors, exit 1."""
    (repo / KHM / "KHM-48.yaml").write_text(BROKEN_48, encoding="utf-8")
    result = ipu("list", "--sex", "female", "--format", "csv")
    assert result.out.splitlines()[1:] == [
        "KHM-69,Ke Sovannroth,female,KHM,former,opposition,KHM-COLL-03,active",
        "KHM-93,Te Chanmony,female,KHM,former,opposition,KHM-COLL-03,active",
        "KHM-94,Tioulong Saumura,female,KHM,former,opposition,KHM-COLL-03,active",
    ]
    assert result.err == BROKEN_48_PROBLEMS + (
        "ipu: 1 case file was not read; the list may be incomplete (see 'ipu validate')\n"
    )
    assert result.code == 1


def test_stats_refuse_an_incomplete_base(repo, ipu):
    (repo / KHM / "KHM-48.yaml").write_text(BROKEN_48, encoding="utf-8")
    result = ipu("stats", "--format", "json")
    assert result.out == ""
    assert result.err == BROKEN_48_PROBLEMS + (
        "ipu: 1 case file was not read; no figures made from an incomplete base (see 'ipu validate')\n"
    )
    assert result.code == 1


@pytest.mark.parametrize("fmt", ["json", "csv", "sqlite"])
def test_export_refuses_an_incomplete_base_and_writes_nothing(repo, ipu, fmt):
    (repo / KHM / "KHM-48.yaml").write_text(BROKEN_48, encoding="utf-8")
    target = repo / f"out.{fmt}"
    result = ipu("export", "--format", fmt, "-o", str(target))
    assert result.err == BROKEN_48_PROBLEMS + (
        "ipu: 1 case file was not read; no export made from an incomplete base (see 'ipu validate')\n"
    )
    assert (result.code, result.out) == (1, "")
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["json", "csv", "sqlite"])
def test_export_into_a_missing_folder(repo, ipu, fmt):
    target = repo / "no" / "such" / f"out.{fmt}"
    result = ipu("export", "--format", fmt, "-o", str(target))
    assert result.err == f"ipu: cannot write {target}: folder {target.parent} does not exist\n"
    assert (result.code, result.out) == (2, "")
    assert not (repo / "no").exists()


def test_stats_into_a_missing_folder(repo, ipu):
    target = repo / "no" / "chart.svg"
    result = ipu("stats", "--format", "svg", "-o", str(target))
    assert (result.code, result.err) == (
        2,
        f"ipu: cannot write {target}: folder {target.parent} does not exist\n",
    )
    assert not (repo / "no").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2027"], "ipu: --year 2027 is in the future (today is 2026-03-01)\n"),
        (["--as-of", "2026-03-02"], "ipu: --as-of 2026-03-02 is in the future (today is 2026-03-01)\n"),
        (["--as-of", "2023-02-29"], "ipu: --as-of: invalid date '2023-02-29' (expected YYYY-MM-DD)\n"),
        (["--year", "99999"], "ipu: --year: invalid year 99999\n"),
    ],
)
def test_stats_refuse_impossible_periods(repo, ipu, args, message):
    result = ipu("stats", *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_stats_for_this_year_and_today_are_accepted(repo, ipu):
    """The boundary of the future checks: the current year, and today itself, are allowed."""
    for args, period in (
        (["--year", "2026"], {"from": "2026-01-01", "to": "2026-12-31"}),
        (["--as-of", "2026-03-01"], {"from": "2026-01-01", "to": "2026-03-01"}),
    ):
        result = ipu("stats", *args, "--format", "json")
        assert (result.code, result.err) == (0, "")
        assert json.loads(result.out)["period"] == period


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "table",
            "id  name  sex  country  mandate  affiliation  collectives  status\n"
            "--  ----  ---  -------  -------  -----------  -----------  ------\n"
            "0 MPs\n",
        ),
        ("json", "[]\n"),
        ("jsonl", ""),
        ("csv", "id,name,sex,country,mandate,affiliation,collectives,status\n"),
        ("yaml", "[]\n"),
        (
            "markdown",
            "| id | name | sex | country | mandate | affiliation | collectives | status |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n\n0 MPs\n",
        ),
    ],
)
def test_list_matching_nothing_in_every_format(repo, ipu, fmt, expected):
    result = ipu("list", "--country", "FRA", "--format", fmt)
    assert (result.code, result.out, result.err) == (0, expected, "")


def test_list_unknown_country_is_a_usage_error(repo, ipu):
    result = ipu("list", "--country", "XXX")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: --country: unknown country 'XXX' (use an ISO code such as KHM or a name)\n",
    )


def test_corpus_files_are_single_diagnostics():
    """Every broken-file expectation holds one line: one clear diagnostic, not a cascade."""
    corpus = Path(__file__).parent / "corpus"
    several = {
        p.stem for p in corpus.glob("*.expected") if len(p.read_text(encoding="utf-8").splitlines()) != 1
    }
    # country-prefix: the folder (warning) and the id (error) are two independent mistakes.
    assert several == {"country-prefix"}, several


def test_deep_nesting_and_big_files_do_not_crash_show(repo, ipu):
    shutil.copy(Path(__file__).parent / "corpus" / "deep-nesting.yaml", repo / KHM / "KHM-900.yaml")
    result = ipu("show", "KHM-900")
    assert result.code == 1
    assert result.out == ""
    assert "exceeded maximum nesting depth" in result.err


def test_show_legacy_id_in_any_case(repo, ipu):
    for spelling in ("CMBD/60", "cmbd/60", "Cmbd/60", "khm60"):
        result = ipu("show", spelling, "--format", "json")
        assert result.code == 0, spelling
        assert json.loads(result.out)["id"] == "KHM-60"


def test_show_finds_a_yml_file_validate_accepts(repo, ipu):
    source = (repo / KHM / "KHM-48.yaml").read_text(encoding="utf-8")
    (repo / KHM / "KHM-48.yaml").unlink()
    (repo / KHM / "KHM-48.yml").write_text(source, encoding="utf-8")
    assert ipu("validate").code == 0
    result = ipu("show", "KHM-48", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["name"] == "Mu Sochua"


@pytest.mark.parametrize("text", ["", "   "])
def test_show_empty_id(repo, ipu, text):
    result = ipu("show", text)
    assert result.err == "ipu: no case id given; name a case such as KHM-60 or KHM-COLL-03\n"
    assert (result.code, result.out) == (1, "")


def test_list_empty_columns(repo, ipu):
    result = ipu("list", "--columns", ",")
    assert result.err == "ipu: --columns: no column given; choose from " + ALL_COLUMNS + "\n"
    assert (result.code, result.out) == (2, "")


def test_list_unknown_columns_are_named_together(repo, ipu):
    result = ipu("list", "--columns", "id,height,weight")
    assert result.err == "ipu: --columns: unknown column 'height, weight'; choose from " + ALL_COLUMNS + "\n"
    assert (result.code, result.out) == (2, "")


def test_list_columns_named_twice_are_refused(repo, ipu):
    result = ipu("list", "--columns", "id,name,id,sex,name")
    assert (result.code, result.out) == (2, "")
    assert result.err == "ipu: --columns: 'id, name' given twice; name each column once\n"


@pytest.mark.parametrize(
    "argv", [["show", "KHM-60"], ["validate"], ["list"], ["followups"], ["changes", "--since", "2026-01-01"]]
)
def test_an_empty_today_is_refused(repo, ipu, argv):
    """`--today ""` (a script's unset variable) never means the system date without a word."""
    result = ipu(*argv, "--today", "")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "ipu: invalid date for --today: '' (expected YYYY-MM-DD)\n",
    )


# A repository's own templates/ are edited by hand: each mistake or hostile line is refused
# with the template's name and line (exit 1), quickly, never a traceback and never a document.
TEMPLATE_LINES = [
    (
        "{% if x %}",
        "templates/decision.md.j2, line 88: Unexpected end of template. Jinja was looking for the "
        "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    ),
    ("{{ x|nofilter }}", "templates/decision.md.j2, line 88: No filter named 'nofilter'."),
    ("{{ 1/0 }}", "templates/decision.md.j2, line 88: division by zero"),
    (
        "{{ ''.__class__.__mro__ }}",
        "templates/decision.md.j2, line 88: access to attribute '__class__' of 'str' object is unsafe.",
    ),
    (
        "{{ paragraphs.append(1) }}",
        "templates/decision.md.j2, line 88: access to attribute 'append' of 'list' object is unsafe.",
    ),
    (
        "{% include 'decision.md.j2' %}",
        "templates/decision.md.j2 includes or extends itself: templates/decision.md.j2 -> templates/decision.md.j2",
    ),
    ("{% include '/etc/hostname' %}", "template templates//etc/hostname not found"),
    (
        "{{ lipsum.__globals__ }}",
        "templates/decision.md.j2, line 88: access to attribute '__globals__' of 'function' object is unsafe.",
    ),
]


@pytest.mark.parametrize(("line", "message"), TEMPLATE_LINES, ids=[line for line, _ in TEMPLATE_LINES])
def test_hostile_template_line_is_refused(repo, ipu, line, message):
    bundled = (ROOT_DIR / "templates" / "decision.md.j2").read_text(encoding="utf-8")
    (repo / "templates").mkdir()
    (repo / "templates" / "decision.md.j2").write_text(bundled + line + "\n", encoding="utf-8")
    result = ipu("draft-decision", "KHM-COLL-03", "--session", "180", "-o", "d.md")
    assert (result.code, result.out, result.err) == (1, "", f"ipu: {message}\n")
    assert not (repo / "d.md").exists()


def test_templates_check_lists_unparsable_and_unreadable_templates(repo, ipu):
    """A syntax error, a FIFO (whose open would block), bytes that are not UTF-8 and a folder, each
    named *.md.j2: one line each, the others still checked; no hang, no traceback."""
    import os

    bundled = (ROOT_DIR / "templates" / "decision.md.j2").read_text(encoding="utf-8")
    folder = repo / "templates"
    folder.mkdir()
    (folder / "decision.md.j2").write_text(bundled + "{% if x %}\n", encoding="utf-8")
    os.mkfifo(folder / "x.md.j2")
    (folder / "y.md.j2").write_bytes(b"a\xff\n")
    (folder / "z.md.j2").mkdir()
    result = ipu("templates", "check")
    problems = [line for line in result.out.splitlines() if ": ok (" not in line]
    assert problems == [
        "templates/decision.md.j2: templates/decision.md.j2, line 88: Unexpected end of template. Jinja was "
        "looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be "
        "closed is 'if'.",
        "templates/x.md.j2: templates/x.md.j2 is not a regular file",
        "templates/y.md.j2: templates/y.md.j2: not UTF-8 (byte 0xff)",
        "templates/z.md.j2: templates/z.md.j2 is not a regular file",
    ]
    assert len(result.out.splitlines()) == 29
    assert (result.code, result.err) == (1, "29 templates, 4 with problems\n")


def test_a_template_that_is_no_regular_file_is_refused_not_passed_over(repo, ipu):
    """A FIFO in place of the Word letterhead, a broken link in place of a French letter body: each
    refused by name (exit 1, no letter), never silently replaced by the bundled template."""
    import os

    (repo / "templates").mkdir()
    os.mkfifo(repo / "templates" / "letter.docx")
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179", "-o", "l.docx")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "ipu: templates/letter.docx is not a regular file\n",
    )
    os.unlink(repo / "templates" / "letter.docx")
    os.symlink("nowhere", repo / "templates" / "letter-authorities.fr.md.j2")
    result = ipu("draft-letter", "KHM-COLL-03", "--to", "authorities", "--session", "179", "--lang", "fr")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "ipu: templates/letter-authorities.fr.md.j2 is not a regular file\n",
    )
    assert not (repo / "l.docx").exists()


def test_show_refuses_to_pick_between_two_files_of_one_id(repo, ipu):
    """KHM-48.yaml and KHM-48.yml: validate reports the duplicate id; show, which reads only the
    case's own folder, must not silently show one of them."""
    shutil.copy(repo / KHM / "KHM-48.yaml", repo / KHM / "KHM-48.yml")
    result = ipu("show", "khm48")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "ipu: KHM-48 has two files, cases/KHM/KHM-48.yaml and cases/KHM/KHM-48.yml; keep one (see 'ipu validate')\n",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("stats", "-f", "json", "-o", "figures.svg"),
            "--format json conflicts with the extension of figures.svg (svg)",
        ),
        (
            ("stats", "-f", "table", "-o", "figures.csv"),
            "--format table conflicts with the extension of figures.csv (csv)",
        ),
        (
            ("export", "-f", "json", "-o", "cases.db"),
            "--format json conflicts with the extension of cases.db (sqlite)",
        ),
        (
            ("export", "-f", "sqlite", "-o", "cases.json"),
            "--format sqlite conflicts with the extension of cases.json (json)",
        ),
    ],
)
def test_output_extension_contradicting_the_format_is_refused(repo, ipu, argv, message):
    """A file whose name says one format and holds another misleads whoever opens it."""
    result = ipu(*argv)
    assert (result.code, result.out, result.err) == (2, "", f"ipu: {message}\n")
    assert not (repo / argv[-1]).exists()


def test_stats_format_follows_the_output_extension(repo, ipu):
    result = ipu("stats", "-o", "figures.svg")
    assert (result.code, result.out, result.err) == (0, "", "ipu: wrote figures.svg\n")
    assert (repo / "figures.svg").read_text(encoding="utf-8").startswith("<svg ")
    result = ipu("stats", "-o", "figures.csv")
    assert (repo / "figures.csv").read_text(encoding="utf-8").startswith("figure,key,value\n")


def test_github_annotation_escapes_the_file_property(repo, ipu):
    """',' and ':' end a workflow command's property early, '%' starts an escape: the path is escaped."""
    (repo / KHM / "KHM,9::%.yaml").write_text("id: KHM-900\n", encoding="utf-8")
    result = ipu("validate", "--format", "github", "cases/KHM/KHM,9::%.yaml")
    assert result.out.splitlines()[0] == (
        "::error file=cases/KHM/KHM%2C9%3A%3A%25.yaml,line=1,col=1,title=missing-field::missing required field 'name'"
    )
    assert result.code == 1


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (("draft-letter", "--all", "--session", "179", "-o", ""), "-o"),
        (("schema", "--out", ""), "--out"),
        (("list", "--root", ""), "--root"),
        (("show", "KHM-48", "--root="), "--root"),
        (("stats", "--output="), "--output"),
        (("validate", ""), "validate"),
    ],
)
def test_an_empty_path_is_refused(repo, ipu, argv, name):
    """A script's unset variable (`-o "$OUT"`) must not mean the current folder: Click reads '' as '.'."""
    before = sorted(p.name for p in repo.iterdir())
    result = ipu(*argv)
    assert (result.code, result.out, result.err) == (
        2,
        "",
        f"ipu: {name}: an empty path names nothing; give a file or folder\n",
    )
    assert sorted(p.name for p in repo.iterdir()) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("validate", "--explain", ""), "unknown code ''; 'ipu validate --explain all' lists them"),
        (("validate", "--format", ""), "unknown format ''; choose from text, parsable, json, github"),
        (("validate", "--strict", ""), "validate: an empty path names nothing; give a file or folder"),
    ],
)
def test_validate_empty_values_are_not_defaults(repo, ipu, argv, message):
    """An empty --explain or --format used to mean 'none given' and validated the base (exit 0)."""
    result = ipu(*argv)
    assert (result.code, result.out, result.err) == (2, "", f"ipu: {message}\n")


def test_show_refuses_when_the_sessions_it_needs_cannot_be_read(synthetic, ipu):
    """FJI-14 left FJI-COLL-01 at committee-179: without data/sessions.yaml show counted him among
    the victims ("Four" instead of "Three"), exit 0. A view it cannot make right is refused."""
    import os

    (synthetic / "data" / "sessions.yaml").unlink()
    os.mkfifo(synthetic / "data" / "sessions.yaml")
    result = ipu("show", "FJI-COLL-01")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "ipu: cannot read reference data: data/sessions.yaml:1:1: a named pipe (FIFO), not a plain file; "
        "not read (see 'ipu validate')\n",
    )
    (synthetic / "data" / "sessions.yaml").unlink()
    (synthetic / "data" / "countries.yaml").write_text("countries: [\n", encoding="utf-8")
    result = ipu("show", "FJI-COLL-01", "--format", "json")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("ipu: cannot read reference data: data/countries.yaml:2:1: ")
