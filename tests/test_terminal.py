"""At the terminal: help, usage errors, ids, --today, --session, completion, tables, safety.

The commands and their options are read from the application itself, so a command added
later is held to the same rules without a line here.
"""

from __future__ import annotations

import itertools
import re
import sys
from typing import Any

import pytest

from ipu_cli.cli.app import command

TYPE_NAMES = re.compile(r"<[a-z][\w\[\], |]*>|\b(TEXT|INTEGER|BOOLEAN|FLOAT)\b")
CASE_ID_MISS = "ipu: no case KHM-600; did you mean 'KHM-60'?\n"


def _commands() -> list[tuple[tuple[str, ...], Any]]:
    """(path, click command) of every command that runs (groups left out)."""
    out = []
    stack: list[tuple[tuple[str, ...], Any]] = [((), command())]
    while stack:
        path, current = stack.pop()
        children = getattr(current, "commands", None)
        if children:
            stack.extend(((*path, name), child) for name, child in children.items())
        else:
            out.append((path, current))
    return sorted(out, key=lambda item: item[0])


COMMANDS = _commands()


def _options(cmd: Any) -> list[str]:
    return [o for p in cmd.params if p.param_type_name == "option" for o in (*p.opts, *p.secondary_opts)]


# --- help ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "cmd"), [((), command()), *COMMANDS], ids=[" ".join(p) or "ipu" for p, _ in [((), 0), *COMMANDS]]
)
def test_help_fits_80_columns_without_type_names(repo, ipu, path, cmd):
    result = ipu(*path, "--help")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
    assert TYPE_NAMES.findall(result.out) == []
    for option in _options(cmd):
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", result.out), option
    # paragraphs are rewrapped: a line ends early only where the next word would not fit
    description = result.out.split("\nArguments:")[0].split("\nOptions:")[0].split("\n\n")[1:]
    for paragraph in description:
        rows = paragraph.splitlines()
        for line, following in itertools.pairwise(rows):
            assert len(line) + 1 + len(following.split()[0]) > 78, f"hard line break after: {line!r}"


def test_case_ids_are_named_case_id_in_every_command(repo, ipu):
    for name in ("show", "log", "draft-decision", "draft-letter", "complaint", "record", "start-draft"):
        assert "CASE_ID" in ipu(name, "--help").out.splitlines()[0], name
    for name in ("adopt", "close"):
        assert "CASE_ID" in ipu(name, "--help").out.splitlines()[0], name
    assert "--member CASE_ID" in ipu("close", "--help").out
    assert ipu("new", "--help").out.splitlines()[0] == "Usage: ipu new [OPTIONS] KIND CASE_ID"
    assert "--collective CASE_ID" in ipu("list", "--help").out


def test_root_help_lists_every_command_whole(repo, ipu):
    out = ipu("--help").out
    block = out.split("Commands:\n")[1].splitlines()
    assert len(block) == len(command().commands)
    assert not any(line.endswith("...") for line in block)


# --- usage errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--sexx", "f"], "no such option --sexx; did you mean '--sex'? (see 'ipu list --help')"),
        (["shw", "KHM-60"], "no such command 'shw'; did you mean 'show'? (see 'ipu --help')"),
        (["show"], "missing argument 'CASE_ID' (see 'ipu show --help')"),
        (["log", "KHM-60"], "missing option '--date' (see 'ipu log --help')"),
        (["followups", "--months", "x"], "--months: expected a whole number, got 'x'"),
        (["stats", "--year", "last"], "--year: expected a whole number, got 'last'"),
        (["validate", "--bogus"], "no such option --bogus (see 'ipu validate --help')"),
        (["templates", "check", "--today", "2026-13-01"], None),
    ],
)
def test_usage_errors_are_one_ipu_line_and_exit_2(repo, ipu, args, message):
    result = ipu(*args)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("ipu: ") and result.err.count("\n") == 1
    if message:
        assert result.err == f"ipu: {message}\n"


def test_every_command_s_bad_option_is_an_ipu_usage_error(repo, ipu):
    for path, _ in COMMANDS:
        result = ipu(*path, "--zzz")
        assert (result.code, result.out) == (2, ""), path
        assert result.err == f"ipu: no such option --zzz (see 'ipu {' '.join(path)} --help')\n"


def test_bare_ipu_prints_its_help(repo, ipu):
    result = ipu()
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Usage: ipu [OPTIONS] COMMAND [ARGS]...")


# --- ids, --today, --session -----------------------------------------------------------------

UNKNOWN_ID = {
    "show": ["show", "KHM-600"],
    "log": ["log", "KHM-600", "--direction", "to", "--party", "authorities", "--date", "2026-02"],
    "draft-decision": ["draft-decision", "KHM-600", "--session", "179"],
    "draft-letter": ["draft-letter", "KHM-600", "--to", "authorities"],
    "list": ["list", "--collective", "KHM-600"],
    "complaint": ["complaint", "KHM-600", "pending-information", "--date", "2026-02"],
    "record": ["record", "KHM-600", "hearing", "--date", "2026-02", "--description", "Hearing"],
    "start-draft": ["start-draft", "KHM-600", "--session", "180"],
    "adopt": ["adopt", "KHM-600", "--session", "179"],
    "close": ["close", "KHM-600", "--session", "179", "--reason", "Released"],
    "untranslated": ["untranslated", "KHM-600"],
    "new --member": ["new", "collective", "KHM-COLL-09", "--parliament", "P", "--member", "KHM-600"],
    "new --collective": [
        "new", "individual", "KHM-300", "--name", "X", "--sex", "male", "--parliament", "P",
        "--mandate", "former", "--affiliation", "opposition", "--collective", "KHM-600",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", UNKNOWN_ID)
def test_an_unknown_id_gets_the_same_words_in_every_command(repo, ipu, name):
    result = ipu(*UNKNOWN_ID[name])
    assert (result.code, result.out, result.err) == (1, "", CASE_ID_MISS)


def test_every_command_taking_an_id_is_in_the_list_above():
    takes_id = {
        " ".join(path)
        for path, cmd in COMMANDS
        if any(p.metavar == "CASE_ID" for p in cmd.params if p.param_type_name == "argument")
        or any(p.metavar == "CASE_ID" for p in cmd.params if p.param_type_name == "option")
    }
    assert takes_id == {name.split()[0] for name in UNKNOWN_ID}


@pytest.mark.parametrize(
    "args",
    [
        ["draft-decision", "cmbd/60", "--session", "179", "--adopted"],
        ["draft-letter", "khm60", "--to", "authorities"],
        ["log", "KHM/60", "--direction", "from", "--party", "complainant", "--date", "2026-02"],
    ],
)
def test_legacy_ids_and_loose_spellings_everywhere(repo, ipu, args):
    result = ipu(*args)
    assert result.code == 0, result.err
    assert result.err.startswith("ipu: KHM-60 is examined in KHM-COLL-03; ")


def test_list_and_new_take_loose_group_ids(repo, ipu):
    assert ipu("list", "--collective", "khm-coll-3", "-f", "csv", "--columns", "id").out.count("\n") == 39
    created = ipu(
        "new", "individual", "KHM-300", "--name", "X", "--sex", "male", "--parliament", "P",
        "--mandate", "former", "--affiliation", "opposition", "--collective", "khm-coll-3",
    )  # fmt: skip
    assert created.out == "created cases/KHM/KHM-300.yaml\nupdated cases/KHM/KHM-COLL-03.yaml\n"
    assert "- KHM-300" in (repo / "cases" / "KHM" / "KHM-COLL-03.yaml").read_text(encoding="utf-8")


def test_every_command_reading_the_base_takes_today(repo, ipu):
    for path, cmd in COMMANDS:
        if path == ("schema",):
            continue
        assert "--today" in _options(cmd), path


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS if p != ("schema",)], ids=" ".join)
def test_a_malformed_today_is_refused_by_every_command(repo, ipu, path):
    args = {
        ("show",): ["KHM-60"],
        ("log",): ["KHM-60", "--direction", "to", "--party", "authorities", "--date", "2026"],
        ("draft-decision",): ["KHM-COLL-03", "--session", "179"],
        ("draft-letter",): ["KHM-COLL-03", "--to", "authorities"],
        ("export",): ["-f", "json", "-o", str(repo / "x.json")],
        ("complaint",): ["KHM-60", "pending-information", "--date", "2026-02"],
        ("record",): ["KHM-60", "hearing", "--date", "2026-02", "--description", "Hearing"],
        ("start-draft",): ["KHM-COLL-03", "--session", "180"],
        ("adopt",): ["KHM-COLL-03", "--session", "179"],
        ("booklet",): ["--session", "179"],
        ("changes",): ["--since", "2026"],
        ("close",): ["KHM-60", "--session", "179", "--reason", "Released"],
        ("untranslated",): ["KHM-60"],
        ("new",): [
            "individual",
            "KHM-301",
            "--name",
            "X",
            "--sex",
            "male",
            "--parliament",
            "P",
            "--mandate",
            "former",
            "--affiliation",
            "opposition",
        ],
    }.get(path, [])
    result = ipu(*path, *args, "--today", "2026-02-30")
    assert (result.code, result.out) == (2, ""), path
    assert result.err == "ipu: invalid date for --today/IPU_TODAY: '2026-02-30' (expected YYYY-MM-DD)\n"


def test_followups_reads_today_from_the_option(repo, ipu):
    late = ipu("followups", "--as-of", "2026-06-01", "--today", "2026-06-30", "-f", "json")
    assert late.code == 0, late.err
    early = ipu("followups", "--as-of", "2026-06-01")  # IPU_TODAY=2026-03-01
    assert (early.code, early.err) == (2, "ipu: --as-of 2026-06-01 is after today (2026-03-01)\n")


@pytest.mark.parametrize("spelling", ["180", "180th", "committee-180", " 180 "])
def test_session_spellings(repo, ipu, spelling):
    expected = ipu("draft-decision", "KHM-COLL-03", "--session", "180").out
    assert ipu("draft-decision", "KHM-COLL-03", "--session", spelling).out == expected


@pytest.mark.parametrize("command", ["draft-decision", "draft-letter"])
def test_a_bad_session_says_what_it_wants(repo, ipu, command):
    args = ["--to", "authorities"] if command == "draft-letter" else []
    result = ipu(command, "KHM-COLL-03", "--session", "next", *args)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "ipu: --session: expected a session number such as 180, 180th or committee-180, got 'next'\n"
    )


# --- completion ----------------------------------------------------------------------------


def _complete(ipu, monkeypatch, shell: str, line: str) -> list[str]:
    """What the completion script of `shell` gets back for the command line `line`."""
    monkeypatch.setenv("_IPU_COMPLETE", f"complete_{shell}")
    if shell == "bash":
        words = line.split()
        monkeypatch.setenv("COMP_WORDS", " ".join(words))
        monkeypatch.setenv("COMP_CWORD", str(len(words) - (0 if line.endswith(" ") else 1)))
    else:
        monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
        monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    result = ipu()
    for name in ("_IPU_COMPLETE", "COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS"):
        monkeypatch.delenv(name, raising=False)
    assert (result.code, result.err) == (0, "")
    return result.out.splitlines()


def test_bash_completes_commands_options_and_values(repo, ipu, monkeypatch):
    assert _complete(ipu, monkeypatch, "bash", "ipu dr") == ["draft-decision", "draft-letter"]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --vio") == ["--violation"]
    assert _complete(ipu, monkeypatch, "bash", "ipu show KHM-9") == [
        f"KHM-9{n}" for n in (0, 1, 2, 3, 4, 5, 6, 9)
    ]
    assert _complete(ipu, monkeypatch, "bash", "ipu show khm-c") == ["khm-coll-03"]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --collective K") == ["KHM-COLL-03"]
    assert _complete(ipu, monkeypatch, "bash", "ipu draft-decision KHM-COLL-03 --session ") == [
        "180",
        "179",
        "171",
        "governing-council-205",
    ]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --violation arb") == ["arbitrary-detention"]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --country KH") == ["KHM"]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --region a") == ["africa", "americas", "asia"]
    assert _complete(ipu, monkeypatch, "bash", "ipu list --sex ") == ["male", "female"]
    assert _complete(ipu, monkeypatch, "bash", "ipu log KHM-60 --party t") == ["third-party"]
    assert _complete(ipu, monkeypatch, "bash", "ipu validate --explain yaml-a") == ["yaml-alias"]
    assert _complete(ipu, monkeypatch, "bash", "ipu stats --by s") == ["sex", "status"]
    # the recording commands complete their steps, kinds, sessions and bodies the same way
    assert _complete(ipu, monkeypatch, "bash", "ipu complaint KHM-60 pe") == ["pending-information"]
    assert _complete(ipu, monkeypatch, "bash", "ipu complaint KHM-60 admissible --mandate ") == [
        "sitting",
        "elect",
    ]
    assert _complete(ipu, monkeypatch, "bash", "ipu record KHM-60 mi") == ["mission"]
    assert _complete(ipu, monkeypatch, "bash", "ipu record KHM-60 mission --status ag") == ["agreed"]
    assert _complete(ipu, monkeypatch, "bash", "ipu record KHM-60 event --type ar") == ["arrest"]
    assert _complete(ipu, monkeypatch, "bash", "ipu adopt KHM-COLL-03 --session 17") == ["179", "171"]
    assert _complete(ipu, monkeypatch, "bash", "ipu start-draft KHM-COLL-03 --body g") == [
        "governing-council"
    ]
    assert _complete(ipu, monkeypatch, "bash", "ipu close KHM-COLL-03 --member KHM-6") == [
        "KHM-60",
        "KHM-62",
        "KHM-65",
        "KHM-66",
        "KHM-67",
        "KHM-68",
        "KHM-69",
    ]


def test_zsh_and_fish_complete_with_descriptions(repo, ipu, monkeypatch):
    assert _complete(ipu, monkeypatch, "zsh", "ipu draft-letter KHM-COLL-03 --session 17") == [
        '_arguments \'*: :(("179":"179th session (February 2026)"',
        '"171":"171st session (March 2023)"))\'',
    ]
    assert _complete(ipu, monkeypatch, "fish", "ipu list --violation imp") == [
        "impunity\tImpunity",
    ]
    assert _complete(ipu, monkeypatch, "fish", "ipu show KHM-10") == ["KHM-101", "KHM-102"]


def test_completion_scripts_for_each_shell(repo, ipu, monkeypatch):
    for shell, marker in (
        ("bash", "complete -o default -F"),
        ("zsh", "compdef"),
        ("fish", "complete --command ipu"),
    ):
        monkeypatch.setenv("_IPU_COMPLETE", f"source_{shell}")
        result = ipu()
        assert result.code == 0 and marker in result.out, shell
    monkeypatch.delenv("_IPU_COMPLETE")


def test_event_types_complete_from_the_vocabulary(repo):
    from ipu_cli.cli import complete

    assert complete.event_types(None, "ar") == [("arrest", "Arrest")]
    assert complete.regions(None, "S") == ["South Pacific"]


def test_completion_outside_a_case_repository_offers_nothing(tmp_path, monkeypatch):
    from ipu_cli.cli import complete

    monkeypatch.delenv("IPU_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert complete.case_ids(None, "KHM") == [] and complete.sessions(None, "") == []


# --- tables at the terminal ------------------------------------------------------------------


def test_a_narrow_terminal_never_cuts_an_id(repo, ipu, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    for args in (["list", "--kind", "all"], ["followups"], ["stats"]):
        lines = ipu(*args).out.splitlines()
        assert max(len(line) for line in lines) <= 60, args
    listing = ipu("list", "--kind", "all").out
    for case in ("KHM-48", "KHM-101", "KHM-COLL-03"):
        assert re.search(rf"(^|\s){case}(\s|$)", listing, re.M), case


def test_a_table_too_wide_for_the_terminal_prints_one_block_per_row(repo, ipu):
    lines = ipu("followups").out.splitlines()  # COLUMNS=80
    assert lines[:5] == [
        "case              KHM-COLL-03",
        "flags             not conveyed, authorities silent",
        "to authorities    December 2025 (3 mo): Letter to the Secretary General of the",
        "                  National Assembly",
        "from authorities  March 2023 (36 mo): Letter from the Secretary General of the",
    ]
    assert lines[-2:] == [
        "1 case; 1 not conveyed, 1 authorities silent, 0 complainant silent, 0 with a",
        "mission pending (as of 2026-03-01, silence over 6 months)",
    ]


def test_long_cells_wrap_and_piped_tables_are_not_padded(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Mu Sochua", "name: Mu Sochua " + "Longname " * 20), encoding="utf-8")
    lines = ipu("list", "--sex", "female").out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[2].startswith("KHM-48  Mu Sochua     female  KHM")
    assert lines[3:23] == ["        Longname"] * 20


def test_rich_tables_keep_ids_whole(repo, ipu, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    out = re.sub(r"\x1b\[[0-9;]*m", "", ipu("list", "--kind", "all").out)
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "KHM-COLL-03" in out and "KHM-101" in out


def test_plurals_read_as_english(repo, ipu, tmp_path):
    assert ipu("list", "--violation", "impunity", "--current-only", "-f", "markdown").out.endswith(
        "\n2 MPs\n"
    )
    assert ipu("list", "--grep", "Mu Sochua").out.endswith("\n1 MP\n")
    folder = tmp_path / "drafts"
    assert ipu("draft-decision", "--session", "180", "--all", "-o", str(folder)).err.endswith(
        f"ipu: wrote 1 decision and index.md to {folder}\n"
    )
    assert ipu("followups", "--months", "1").out.endswith("silence over 1 month)\n")


# --- data shown, never obeyed ---------------------------------------------------------------

HOSTILE = "[bold]Mu[/] \\e[5mSochua\\e]8;;http://x\\e\\\\ [link=javascript:alert(1)]x[/link] [/]"
"""Rich markup, and escape sequences *as text* (a backslash and an `e`): a YAML escape that
would make them real characters (`"\\e[5m"`) is refused by the loader (`hidden-character`,
tests/test_hostile_reading.py), so data can no longer hold one; `printable` still shows any
that reaches a view (below)."""


@pytest.fixture
def hostile(repo):
    """KHM-48's name, a log entry of the group and a country name hold markup and escape-like text."""
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Mu Sochua", f"name: '{HOSTILE}'"), encoding="utf-8"
    )
    group = repo / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = group.read_text(encoding="utf-8")
    group.write_text(
        text.replace(
            "description: Letter to the Secretary General of the National Assembly",
            f"description: '{HOSTILE}'",
            1,
        ),
        encoding="utf-8",
    )
    countries = repo / "data" / "countries.yaml"
    countries.write_text(
        countries.read_text(encoding="utf-8").replace("name: Cambodia", "name: 'Cambodia \\e[2J[red]'"),
        "utf-8",
    )
    return repo


@pytest.mark.parametrize(
    "args",
    [
        ["show", "KHM-48"],
        ["show", "KHM-COLL-03", "--members"],
        ["list", "--sex", "female"],
        ["list", "--kind", "all", "--columns", "id,name,country"],
        ["followups"],
        ["stats", "--by", "country"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_markup_and_escape_sequences_in_data_print_as_text(hostile, ipu, monkeypatch, args, terminal):
    monkeypatch.setenv("COLUMNS", "200")
    if terminal:
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = ipu(*args)
    assert result.code == 0, result.err
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.out) if terminal else result.out
    assert "\x1b" not in text  # only rich's own colours were escape sequences
    shown = "Cambodia \\e[2J[red]" if args[0] == "stats" else "[bold]Mu[/]"
    assert shown in text


def test_the_plain_show_prints_hostile_names_exactly(hostile, ipu):
    assert ipu("show", "KHM-48").out.splitlines()[0] == f"KHM-48  {HOSTILE}"


def test_escape_sequences_reaching_a_view_are_shown_not_obeyed():
    from ipu_cli.queries.rows import printable

    assert printable("Mu \x1b[5mSochua\x1b]8;;http://x\x1b\\ \u202e") == (
        "Mu \\x1b[5mSochua\\x1b]8;;http://x\\x1b\\ \\u202e"
    )


def test_escape_sequences_written_as_yaml_escapes_are_refused(repo, ipu):
    path = repo / "cases" / "KHM" / "KHM-48.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Mu Sochua", 'name: "Mu \\e[5mSochua"'),
        encoding="utf-8",
    )
    result = ipu("show", "KHM-48")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        "cases/KHM/KHM-48.yaml:6:7: error hidden-character hidden character U+001B ESCAPE (written as an escape)"
    )


def test_english_month_names_are_cldr_s(repo):
    from babel.dates import get_month_names

    from ipu_cli.domain.dates import ENGLISH_MONTHS

    names = get_month_names("wide", context="format", locale="en")
    assert tuple(names[i] for i in range(1, 13)) == ENGLISH_MONTHS
