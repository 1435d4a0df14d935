"""Every diagnostic code ipu can report, with its level and what to do.

`ipu validate --explain CODE` prints these; docs/checks.md is generated from
them and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    level: str
    title: str
    explanation: str


_TABLE: list[tuple[str, str, str, str]] = [
    # Reading the file
    (
        "unreadable",
        "error",
        "The file or folder cannot be read",
        "The operating system refused to read the file or list the folder (permissions), a link leads nowhere or loops back on itself, or the file disappeared while ipu was reading the base. Nothing behind it is read, so the cases it holds are missing: fix the file system entry.",
    ),
    (
        "file-too-large",
        "error",
        "The file is too large",
        "ipu reads case and data files of at most 1,000,000 bytes. A file that large is almost certainly not one of them; split or remove it.",
    ),
    (
        "encoding",
        "error",
        "The file is not UTF-8",
        "Case files are UTF-8 text. Re-save the file as UTF-8; the position given is the first byte that is not valid UTF-8.",
    ),
    (
        "not-a-file",
        "error",
        "Something that is not a plain file where a case file belongs",
        "A named pipe (FIFO), a device, a socket or a folder carries a case file's name (ends in .yaml or .yml), or a link leads to one. ipu never opens it (reading a pipe would wait for ever) and its case, if any, is not read. Replace it with the case file or remove it.",
    ),
    (
        "linked-folder",
        "error",
        "A link to a folder under cases/",
        "ipu does not follow links to folders (they can loop, or lead out of the repository), so the case files behind the link are not read. Move or copy the folder into cases/.",
    ),
    (
        "hidden-character",
        "error",
        "An invisible, control or bidirectional character",
        "The file holds a character that makes text read differently from what it is: a control character (escape, null, bell...), a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069) that reverses what follows on screen, or an invisible one (zero-width space, word joiner, soft hyphen, byte-order mark inside the text). A name, an id or a sentence holding one looks right and is not: ipu refuses the file. The message names each code point; delete it or retype the text. Tabs and line breaks are ordinary text; a zero-width joiner between letters of a script that needs it (Persian, Indic scripts) is allowed. A file or folder under cases/ whose name holds a character that cannot be printed is not read either (its name is shown with `\\uXXXX` escapes): rename it.",
    ),
    (
        "symlink-outside",
        "error",
        "A link points outside the repository",
        "A file under cases/ is a symbolic link to a place outside the case repository. ipu does not follow it; copy the file in or remove the link.",
    ),
    (
        "empty-file",
        "error",
        "The file holds no data",
        "A case file must hold one YAML mapping; this one is empty, holds only comments, or only a null value (`~`, `null`, a bare `---`). Delete the file or fill it in (`ipu new` writes a skeleton).",
    ),
    (
        "yaml-syntax",
        "error",
        "The file is not valid YAML",
        "The YAML parser stopped at the position given; the message ends with the likely cause. Common causes: an unclosed bracket or quote, a ': ' inside unquoted text, a value starting with '*' (italics), '@' or '`', wrong indentation. Put such values in quotes: `text: \"*in absentia* ruling\"`.",
    ),
    (
        "tab",
        "error",
        "A tab character in indentation",
        "YAML indentation must use spaces. Replace the tab with spaces.",
    ),
    (
        "multiple-documents",
        "error",
        "More than one YAML document",
        "A case file holds exactly one document: remove the extra '---' separator and what follows, or move it to its own file.",
    ),
    (
        "duplicate-key",
        "error",
        "The same key twice in one mapping",
        "YAML parsers silently keep the last of two equal keys, so data would be lost. Merge the two entries.",
    ),
    (
        "yaml-alias",
        "error",
        "Anchors and aliases are not allowed",
        "Anchors (&name), aliases (*name) and merge keys (<<) make files hard to read and can expand into huge documents. They are refused wherever they stand, on a single value too. Write the values out.",
    ),
    (
        "yaml-tag",
        "error",
        "A YAML tag is not allowed",
        "Tags such as !!python/object ask the loader to build program objects. Case files hold only text, numbers, dates, lists and mappings.",
    ),
    (
        "not-a-mapping",
        "error",
        "The file does not hold a mapping",
        "The top level of a case file is a mapping of field names to values, not a list or a single value.",
    ),
    (
        "not-a-case-file",
        "error",
        "A file named on the command line is not a case or data file",
        "`ipu validate PATH` checks case files, whose names end in .yaml or .yml, and the data files of data/ (violations.yaml, sessions.yaml...), which it checks as data. Other files (notes, PDFs) in cases/ are ignored by a full run; name only case and data files.",
    ),
    # The model
    (
        "wrong-kind",
        "error",
        "A collective case's fields in an MP's file, or the other way round",
        "The file name decides the kind: KHM-COLL-03.yaml is a collective case (members, no name or sex), KHM-60.yaml an MP (name, sex, collectives). Rename the file and its id, or move the fields to the right file.",
    ),
    (
        "unknown-field",
        "error",
        "A field the model does not know",
        "The field is not part of the model at this place; it is usually a misspelling (the message suggests the closest known field). See schemas/ for every field.",
    ),
    (
        "missing-field",
        "error",
        "A required field is missing",
        "Add the field named in the message at the place given.",
    ),
    (
        "invalid-value",
        "error",
        "A value of the wrong type or form",
        "The value does not fit the field: a wrong type, a pattern (ids such as KHM-60, dates such as 2011-11), or a value outside a fixed list.",
    ),
    # One file against the reference data
    (
        "id-filename",
        "error",
        "The id differs from the file name",
        "A case's id must equal its file name (KHM-60 lives in KHM-60.yaml), so that ipu can find a case from its id without reading the whole base.",
    ),
    (
        "wrong-folder",
        "warning",
        "The file is not in its country folder",
        "Case files live in cases/<country code>/, e.g. cases/KHM/KHM-60.yaml. Move the file.",
    ),
    (
        "country-prefix",
        "error",
        "The id prefix differs from the country",
        "The three letters of an id are the country code: KHM-60 belongs to KHM.",
    ),
    (
        "unknown-country",
        "error",
        "Not an ISO 3166 alpha-3 country code",
        "Use the three-letter ISO code (KHM for Cambodia). The message suggests close codes.",
    ),
    (
        "country-not-in-table",
        "warning",
        "The country has no row in data/countries.yaml",
        "Without a row ipu does not know the country's display name or region. Add the country to data/countries.yaml.",
    ),
    (
        "unknown-violation",
        "error",
        "A violation code not in data/violations.yaml",
        "Use a code from data/violations.yaml, or add the new category there with its exact label.",
    ),
    (
        "unknown-event-type",
        "error",
        "An event type not in data/event-types.yaml",
        "Use a type from data/event-types.yaml or add it there.",
    ),
    (
        "unknown-verb",
        "warning",
        "An operative verb not in data/verbs.yaml",
        "Decisions open each paragraph with an operative verb from the house list. Check the spelling, or add the verb to data/verbs.yaml.",
    ),
    (
        "unknown-session",
        "error",
        "A session not in data/sessions.yaml",
        "Decisions, drafts, hearings and agendas name sessions such as committee-179; each must be described in data/sessions.yaml.",
    ),
    (
        "future-date",
        "error",
        "A date in the future",
        "Facts are recorded once they happened. Use --today or IPU_TODAY to check as of another day.",
    ),
    (
        "date-order",
        "warning",
        "Dates out of order",
        "Events, communications and missions are kept oldest first so that files read as a timeline and diffs stay small.",
    ),
    (
        "death-not-recorded",
        "warning",
        "A killing or death event on a case not marked deceased",
        "Set `deceased: true` (and `death_date`) when the case records the MP's death.",
    ),
    (
        "decision-outside-session",
        "warning",
        "A decision dated outside its session",
        "The adoption date of a decision should fall within the dates of the session that adopted it.",
    ),
    (
        "duplicate-member",
        "error",
        "A member or a group listed twice",
        "A collective case lists each member once, and an MP each group once: a repeated entry would be counted twice in victims counts and figures. Remove the repetition.",
    ),
    (
        "complaint-history",
        "warning",
        "A complaint's steps do not follow one another",
        "A complaint is received, may wait for information, then is found admissible or inadmissible, or withdrawn; nothing follows a decision on it, and its 'received' step falls on its submission date. Correct the steps (docs/recording.md).",
    ),
    (
        "not-admitted",
        "warning",
        "Decisions on a complaint not found admissible",
        "The file holds decisions or a draft, but its complaint's last step is not 'admissible'. Until it is, the file is kept out of every public output, agenda and figure of cases under examination. Record the admissibility (`ipu complaint CASE admissible ...`) or correct the steps.",
    ),
    (
        "mandate-dates",
        "warning",
        "Alleged violations began outside the MP's mandate",
        "The MP's earliest event falls before every term in 'terms' began or after it ended. The Committee examines violations that occurred or began while the victim was a member of parliament: say how the event relates to a mandate in its 'mandate_link' (e.g. prosecuted for a speech made in parliament), or correct the dates.",
    ),
    (
        "substitute-never-sat",
        "warning",
        "A substitute term with no period in the seat",
        "A substitute counts as a member of parliament only for the periods they actually sat. Record them in the term's 'sat' list, or remove the term.",
    ),
    (
        "duplicate-violation",
        "error",
        "The same violation listed twice",
        "List each violation category once per MP; use `scope` for past or current.",
    ),
    # Across files
    ("duplicate-id", "error", "Two files with the same id", "Every case id is unique across the repository."),
    (
        "duplicate-alias",
        "error",
        "A legacy id used twice",
        "A legacy id (alias) must point to exactly one case, be listed once, and must not equal another case's id or be a loose spelling of it (`KHM/61` or `khm61` on any case but KHM-61), since `ipu show` reads loose spellings as ids.",
    ),
    (
        "unknown-member",
        "error",
        "A group member without a case file",
        "Every member of a collective case has its own file in cases/<country>/.",
    ),
    (
        "member-not-linked",
        "error",
        "A member does not name its group back",
        "An MP listed in a collective case's members must list that case in `collectives`, and the other way round.",
    ),
    (
        "member-left",
        "warning",
        "A member who left the group still names it",
        "The group's `membership` records that this MP left it (`left`), but the MP's file still lists the group in `collectives`, so the MP is still handled through the group (its decisions, letters and log). Remove the group from the MP's `collectives`; the group keeps the MP in `members`, so that its earlier decisions still list them.",
    ),
    (
        "membership-not-member",
        "error",
        "A membership entry for an MP the group does not list",
        "Every `membership` entry of a collective case names one of its `members`, once. A member who left stays in `members`: the group's earlier decisions list them.",
    ),
    (
        "membership-moved-to",
        "error",
        "A member who left moved to a case that cannot be theirs",
        "`moved_to` names the case that examines the member since they left the group: the member's own id (their individual case) or another group's id, and that case has a file. Not the group itself, not another MP.",
    ),
    (
        "membership-order",
        "error",
        "A member leaves before joining",
        "In a `membership` entry, the session `left` must start after the session `joined`.",
    ),
    (
        "joint-decision",
        "error",
        "A joint decision names a case it cannot cover",
        "`joint_with` on a decision or a draft names other cases of the same country that the decision covers with this one: each must exist, be another case, hold its own decisions (a group, or an MP in no group), and be as confidential as this one: a public decision joint with a confidential case could be printed only in part, so every output refuses it.",
    ),
    (
        "joint-not-recorded",
        "warning",
        "A joint decision is recorded in one case only",
        "A decision adopted jointly on several cases is recorded in each of them (the others with no paragraphs and `joint_with` naming this one), so that each case's box cites it and `ipu draft-decision ... --adopted` finds it from either case.",
    ),
    (
        "unknown-collective",
        "error",
        "A collective case that does not exist",
        "The MP names a collective case that has no file.",
    ),
    (
        "confidential-member",
        "warning",
        "A confidential MP in a public group",
        "The group is public but this member's file says (or defaults to) confidential. Every public output of the group (its case list, the victims count, the checklist and its footnotes, letters, lists, statistics, exports) leaves the member out, as confidentiality requires. If the member should be shown, set `confidentiality: public` in the member's file; if the group's publication should wait, make the group confidential.",
    ),
    (
        "member-country",
        "error",
        "A member from another country",
        "A collective case groups MPs of one country.",
    ),
    (
        "victims-mismatch",
        "error",
        "The victims override disagrees with the members",
        "The `victims` text of a collective case must give the same number of MPs (and of women and men, where it says) as its current members: the members whose case is not closed and who have not left the group (`membership`). A decision adopted when the group was another size prints the line computed from the members of its day, or its own `victims`.",
    ),
    (
        "unknown-agenda-case",
        "error",
        "A session agenda names an unknown case",
        "Every case id on a session's agenda in data/sessions.yaml must have a case file.",
    ),
    # Translations
    (
        "translation-language",
        "error",
        "A file named like a translation into a language ipu does not have",
        "A case file's name is its id (`KHM-60.yaml`); a translation file adds a language ipu translates into, in lower case (`KHM-60.fr.yaml`). A file such as `KHM-60.de.yaml`, `KHM-60.FR.yaml` or `KHM-60.en.yaml` is neither: it is not read. Rename it after the language (lower case), or move it out of cases/.",
    ),
    (
        "translation-orphan",
        "error",
        "A translation file without its case file",
        "A translation file is named after the case file it translates, in the same folder: `KHM-COLL-03.fr.yaml` translates `KHM-COLL-03.yaml`. There is no such case file: rename the translation after its case file (an id changed?), or delete it.",
    ),
    (
        "duplicate-translation",
        "error",
        "The same English text is translated twice",
        "Each English text of a case file is translated once in its translation file, whatever the number of places it stands in (a description repeated in the log is translated once). Two pairs with the same `en` (spaces and line breaks aside) would leave the French to chance: keep one.",
    ),
    (
        "translation-unused",
        "warning",
        "A translated text the case file no longer holds",
        "Translations are found by their English text. The `en` of this pair is not a text of the case file any more: the English was edited (or removed) after it was translated, so documents no longer use this French and print the new English marked [EN]. Copy the new English into `en` and update the French, or delete the pair.",
    ),
    (
        "untranslated",
        "warning",
        "A text has no French",
        "Reported by `ipu validate --lang fr` only: a text of the case file (summary, decision or draft paragraph, sub-item, description of an event, hearing or communication, addressee, victims, parliament, note on a violation) has no French in the case's translation file (`KHM-COLL-03.fr.yaml`), or a row of data/ that French documents print has none (a violation's `label_fr`, a verb's `fr`, a country's `name_fr`/`prose_fr`, the signatory's `title_fr` in secretariat.yaml). A French document prints the English, marked [EN], and lists it on stderr. Internal entries, never printed in public, are not reported. `ipu untranslated CASE_ID` prints the missing pairs ready to paste.",
    ),
]

CODES: dict[str, Code] = {row[0]: Code(*row) for row in _TABLE}


def explain(code: str) -> str | None:
    entry = CODES.get(code)
    if entry is None:
        return None
    return f"{entry.code} ({entry.level}): {entry.title}\n\n{entry.explanation}\n"


USAGE = """## Running it

```console
$ ipu validate                        # the whole base
39 files checked: no problems
$ ipu validate cases/KHM/KHM-60.yaml  # report on these files or folders only
1 file checked: no problems
$ ipu validate --format json          # a JSON list of problems
[]
$ ipu validate --explain duplicate-key
duplicate-key (error): The same key twice in one mapping

YAML parsers silently keep the last of two equal keys, so data would be lost. Merge the two entries.
```

- `PATH...`: files or folders to report on. The whole base is still read, because
  cross-file checks need it, but only problems in the paths named are printed. A path
  that does not exist is `unreadable`; a file that is not `.yaml`/`.yml` is
  `not-a-case-file` (a full run ignores such files in `cases/`, e.g. notes or PDFs).
  A file of `data/` (`ipu validate data/sessions.yaml`) is checked as data, so the
  pre-commit hook can be given every file a commit touches.
- Each problem is one line, `path:line:column: level code message`, sorted by file and
  position, on stdout; the count (`39 files checked: ...`) goes to stderr, followed by a
  pointer for each kind of YAML error found (`ipu: how to fix yaml-syntax: ipu validate
  --explain yaml-syntax`). A YAML syntax error's message ends with its likely cause
  (`...; likely cause: a quote opened and never closed`).
- `--format text|parsable|json|github` (`-f`): `text` as above; `parsable`, yamllint's
  `path:line:column: [level] message (code)`; `json`, a list of objects with
  `path line column level code message`; `github`, workflow commands
  (`::error file=...,line=...,col=...::`). Default: `github` when `GITHUB_ACTIONS=true`,
  else `text`.
- `--strict`: warnings fail the run too.
- `--explain CODE` prints one entry of the table below (`--explain all`: this page).
- `--today DATE` (or `IPU_TODAY`): the day `future-date` compares with.
- `--no-cache`: check every file afresh; neither read nor write `.ipu-cache/`.
- `--lang fr`: also list, as `untranslated` warnings, every text a French decision or
  letter prints that has no French yet: in the case files (located at the English text;
  the French goes in the case's translation file, `KHM-COLL-03.fr.yaml`) and in `data/`
  (a violation's `label_fr`, a verb's `fr`, a country's `name_fr` or `prose_fr`, the
  signatory's `title_fr`). Translation files are checked on every run (`translation-orphan`,
  `duplicate-translation`, `translation-unused`); docs/translations.md.
- `--root DIR` (or `IPU_ROOT`): the case repository; default, the nearest folder at or
  above the working directory that holds `cases/`.

Exit codes: 0 no errors (warnings allowed without `--strict`), 1 problems found, 2 usage
error (unknown format or code, no case repository, invalid `--today`).

A file with a YAML-level error (syntax, tab, duplicate key, alias, tag, encoding, hidden
character...) gives that one diagnostic and is not checked against the model. A member or a
group whose file exists but cannot be read is not also reported as missing.

Everything under `cases/` is accounted for: a folder that cannot be listed, a link to a
folder, a link that loops or leads nowhere, a FIFO, a device or a folder named like a case
file each get one diagnostic at its path (`unreadable`, `linked-folder`, `not-a-file`); none
is opened, so nothing can make `ipu validate` wait. A file whose fields belong to
the other kind of case (`members` in `KHM-60.yaml`) gives one `wrong-kind` diagnostic.

`.pre-commit-hooks.yaml` lets another case repository run `ipu validate` as a
pre-commit hook (hook id `ipu-validate`)."""


def markdown() -> str:
    """docs/checks.md, generated from the table above."""
    lines = [
        "# Checks made by `ipu validate`",
        "",
        "Generated from `ipu_cli/checks/codes.py`; `ipu validate --explain CODE` prints one entry.",
        "A test fails when this file and the table differ (`ipu validate --explain all > docs/checks.md`).",
        "",
        *USAGE.splitlines(),
        "",
        "## Diagnostic codes",
        "",
        "| code | level | what it means |",
        "| --- | --- | --- |",
    ]
    for entry in CODES.values():
        lines.append(f"| `{entry.code}` | {entry.level} | **{entry.title}.** {entry.explanation} |")
    return "\n".join(lines) + "\n"
