"""A synthetic case repository for the benchmark: deterministic, valid, sized at will.

`generate(target, individuals, collectives, seed)` writes `cases/` and a copy
of the repository's `data/` into `target`. Everything is drawn from one seeded
`random.Random`, so the same arguments always give byte-identical files. The
people and events are invented and say so (names are syllable soup, texts
are stock sentences): this is load, not case data, and never goes in cases/.

`break_files(target, fraction, seed)` then damages a share of the files the
way tests/corpus/ does (duplicate keys, tabs, bad dates, unknown fields...),
for the "1% broken" variant.

Run `python bench/generate.py DIR [--individuals N] [--collectives N]`.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "na",
    "ra",
    "so",
    "tu",
    "vi",
    "ze",
    "ba",
    "de",
    "fo",
    "gu",
    "hi",
    "jo",
    "ku",
    "le",
    "ma",
    "ne",
    "po",
    "ri",
    "sa",
    "te",
    "wu",
    "ya",
    "an",
    "el",
    "or",
    "is",
    "un",
]
WORDS = [
    "the",
    "member",
    "of",
    "parliament",
    "was",
    "questioned",
    "by",
    "the",
    "authorities",
    "about",
    "statements",
    "made",
    "in",
    "the",
    "chamber",
    "and",
    "later",
    "charged",
    "with",
    "offences",
    "that",
    "the",
    "complainant",
    "describes",
    "as",
    "politically",
    "motivated",
    "while",
    "the",
    "court",
    "adjourned",
    "the",
    "hearing",
    "several",
    "times",
    "and",
    "the",
    "defence",
    "was",
    "refused",
    "access",
    "to",
    "the",
    "file",
    "observers",
    "from",
    "the",
    "embassy",
    "attended",
    "and",
    "reported",
    "that",
    "the",
    "proceedings",
    "lacked",
    "basic",
    "guarantees",
    "the",
    "party",
    "was",
    "suspended",
    "after",
    "the",
    "elections",
    "and",
    "its",
    "members",
    "were",
    "barred",
    "from",
    "standing",
    "again",
]
PARLIAMENTS = ("National Assembly", "Senate", "House of Representatives", "Parliament", "People's Assembly")
PARTIES = ("Democratic Alliance", "People's Movement", "Union for Renewal", "Liberty Party", None)
SECTIONS = ("I.1(a)", "I.1(b)", "I.1(c)", "I.1(d)", "I.1(e)")
VERBS = ("Reaffirms", "Recalls", "Notes with concern", "Calls on", "Requests", "Decides", "Deplores")
# Sessions of data/sessions.yaml and a decision date inside each.
DECISIONS = (
    ("governing-council-205", "2019-10-17"),
    ("committee-171", "2023-03"),
    ("committee-179", "2026-02"),
)
HEARING = ("2023-03", "Hearings with the delegation to the 146th IPU Assembly", "assembly-146")
AGENDA_SESSION = "committee-180"
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _codes(path: Path, key: str = "code") -> list[str]:
    """Codes listed in a data file, read as text so the generator needs no ipu import."""
    pattern = re.compile(rf"^\s*-?\s*\{{?\s*{key}:\s*([A-Za-z0-9-]+)", re.MULTILINE)
    return pattern.findall(path.read_text(encoding="utf-8"))


class _Writer:
    """Draws one case after another from a single random stream."""

    def __init__(self, seed: int, data: Path) -> None:
        self.rng = random.Random(seed)
        self.confidential: set[str] = set()
        self.countries = _codes(data / "countries.yaml")
        self.violations = _codes(data / "violations.yaml")
        # Weighted like the real caseload: a few countries hold many cases.
        self.weights = [self.rng.choice((1, 1, 1, 2, 3, 8, 20)) for _ in self.countries]
        self.events = [c for c in _codes(data / "event-types.yaml") if c not in ("killing", "death")]

    def name(self) -> str:
        rng = self.rng

        def word() -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

        return f"{word()} {word()}"

    def text(self, low: int, high: int) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return (" ".join(words)).capitalize() + "."

    def date(self, first: int = 1990, last: int = 2025) -> tuple[int, int, int]:
        return (self.rng.randint(first, last), self.rng.randint(1, 12), self.rng.randint(1, 28))

    @staticmethod
    def show(date: tuple[int, int, int], precision: int) -> str:
        year, month, day = date
        return (f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}")[precision]

    def folded(self, key: str, text: str, indent: int) -> list[str]:
        """A `>-` block, wrapped like the hand-written files."""
        pad = " " * indent
        lines = [f"{pad}{key}: >-"]
        current = ""
        for word in text.split():
            if current and len(current) + len(word) > 80:
                lines.append(f"{pad}  {current}")
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(f"{pad}  {current}")
        return lines

    def dated_list(self, key: str, count: int, item: Callable[[str], list[str]]) -> list[str]:
        if not count:
            return []
        dates = sorted(self.date() for _ in range(count))
        out = ["", f"{key}:"]
        for date in dates:
            out.extend(item(self.show(date, self.rng.choice((1, 2, 2)))))
        return out

    def case_fields(self, rich: bool) -> list[str]:
        """Complaint, summary, log and decisions: what a group or a lone MP carries."""
        rng = self.rng
        out: list[str] = []
        if not rich:
            return out
        submitted = self.show(self.date(1990, 2018), 1)
        sections = ", ".join(sorted(rng.sample(SECTIONS, rng.randint(1, 2))))
        out += ["", "complaint:", f"  sections: [{sections}]", f"  submitted: {submitted}"]
        paragraphs = rng.choice((0, 1, 2, 4, 8, 16))
        if paragraphs:
            out += ["", "summary: |-"]
            for index in range(paragraphs):
                if index:
                    out.append("")
                out += ["  " + line for line in _wrap(self.text(20, 70))]
        out += self.dated_list(
            "communications",
            rng.randint(0, 8),
            lambda d: [
                f"  - date: {d}",
                f"    direction: {rng.choice(('to', 'from'))}",
                f"    party: {rng.choice(('authorities', 'complainant', 'third-party'))}",
                *([f"    description: {self.text(4, 9)}"] if rng.random() < 0.5 else []),
            ],
        )
        if rng.random() < 0.2:
            date, text, session = HEARING
            out += [
                "",
                "hearings:",
                f"  - date: {date}",
                f"    description: {text}",
                f"    session: {session}",
            ]
        decisions = sorted(rng.sample(DECISIONS, rng.randint(0, len(DECISIONS))), key=lambda d: d[1])
        if decisions:
            out += ["", "decisions:"]
            for session, adopted in decisions:
                out += [f"  - session: {session}", f"    adopted: {adopted}", "    paragraphs:"]
                for _ in range(rng.randint(1, 6)):
                    out.append(f"      - verb: {rng.choice(VERBS)}")
                    out += self.folded("text", self.text(10, 60).lower(), 8)
        return out

    def individual(self, case_id: str, country: str, group: str | None, sex: str) -> str:
        rng = self.rng
        lines = [
            "# yaml-language-server: $schema=../../schemas/individual-case.schema.json",
            "# Synthetic benchmark case: invented person, invented facts.",
            f"id: {case_id}",
        ]
        number = case_id.split("-")[1]
        if rng.random() < 0.05:
            lines.append(f"aliases: [{country}{number}, {country}/{number}]")
        lines += [
            f"name: {self.name()}",
            f"sex: {sex}",
            f"country: {country}",
            f"parliament: {rng.choice(PARLIAMENTS)}",
            f"mandate: {rng.choice(('incumbent', 'former', 'former', 'elect', 'substitute'))}",
            f"affiliation: {rng.choice(('opposition', 'opposition', 'majority', 'independent', 'other'))}",
        ]
        party = rng.choice(PARTIES)
        if party:
            lines.append(f"party: {party}")
        if group:
            lines.append(f"collectives: [{group}]")
        chosen = rng.sample(self.violations, rng.randint(1, 8))
        chosen.sort(key=self.violations.index)
        lines += ["", "violations:"]
        for code in chosen:
            lines.append(f"  - code: {code}")
            if rng.random() < 0.15:
                lines.append("    scope: past")
            if rng.random() < 0.05:
                lines.append(f"    note: {self.text(3, 8).rstrip('.').lower()}")
        lines += self.dated_list(
            "events",
            rng.randint(0, 6),
            lambda d: [
                f"  - date: {d}",
                f"    type: {rng.choice(self.events)}",
                *self.folded("text", self.text(8, 50), 4),
            ],
        )
        lines += self.case_fields(rich=group is None)
        if group is None and rng.random() < 0.03:
            lines.append(f"agenda: [{AGENDA_SESSION}]")
        lines += ["", "status:", "  state: active"]
        confidentiality = rng.choice(("public", "confidential"))
        if confidentiality == "confidential":
            self.confidential.add(case_id)
        lines.append(f"confidentiality: {confidentiality}")
        return "\n".join(lines) + "\n"

    def collective(self, case_id: str, country: str, members: list[tuple[str, str]]) -> str:
        rng = self.rng
        lines = [
            "# yaml-language-server: $schema=../../schemas/collective-case.schema.json",
            "# Synthetic benchmark group: invented people, invented facts.",
            f"id: {case_id}",
            f"title: Group {case_id}",
            f"country: {country}",
            f"parliament: {rng.choice(PARLIAMENTS)}",
            "members:",
            *(f"  - {member}" for member, _ in members),
        ]
        if rng.random() < 0.5:
            women = sum(sex == "female" for _, sex in members)
            lines.append(
                f"victims: {len(members)} parliamentarians ({len(members) - women} male and "
                f"{NUMBER_WORDS[women] if women < len(NUMBER_WORDS) else women} female)"
            )
        lines += self.case_fields(rich=True)
        lines += self.dated_list(
            "events",
            rng.randint(1, 10),
            lambda d: [
                f"  - date: {d}",
                f"    type: {rng.choice(self.events)}",
                *self.folded("text", self.text(8, 50), 4),
            ],
        )
        if rng.random() < 0.1:
            lines.append(f"agenda: [{AGENDA_SESSION}]")
        lines += ["", "status:", "  state: active"]
        confidentiality = rng.choice(("public", "confidential"))
        if any(member in self.confidential for member, _ in members):
            confidentiality = "confidential"  # a public group with a confidential member is a warning
        lines.append(f"confidentiality: {confidentiality}")
        return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 84) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + len(word) >= width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return lines


def _start(target: Path, seed: int, data: Path | None) -> _Writer:
    """A copy of `data` (default: the repository's) in `target`, and the seeded writer."""
    source = data or ROOT / "data"
    if (target / "data").exists():
        shutil.rmtree(target / "data")
    shutil.copytree(source, target / "data")
    return _Writer(seed, source)


def generate(
    target: Path,
    individuals: int = 10_000,
    collectives: int = 500,
    seed: int = 2026,
    data: Path | None = None,
) -> list[str]:
    """Write a repository of synthetic cases into `target`; returns the ids, in write order."""
    writer = _start(target, seed, data)
    rng = writer.rng

    # Deal individuals to countries; groups take consecutive members of one country.
    countries = rng.choices(writer.countries, weights=writer.weights, k=individuals)
    by_country: dict[str, list[str]] = {}
    for country in countries:
        ids = by_country.setdefault(country, [])
        ids.append(f"{country}-{len(ids) + 1}")
    group_of: dict[str, str] = {}
    groups: list[tuple[str, str, list[str]]] = []
    pool = sorted(by_country)
    while len(groups) < collectives and pool:
        country = rng.choice(pool)
        free = [i for i in by_country[country] if i not in group_of]
        taken = sum(1 for g in groups if g[1] == country)
        if len(free) < 2 or taken >= 999:
            pool.remove(country)
            continue
        size = min(len(free), rng.choice((2, 3, 5, 8, 12, 20, 40)))
        start = rng.randint(0, len(free) - size)
        group_id = f"{country}-COLL-{taken + 1:02d}"
        members = free[start : start + size]
        for member in members:
            group_of[member] = group_id
        groups.append((group_id, country, members))

    sexes = {
        case_id: rng.choice(("male", "male", "female")) for ids in by_country.values() for case_id in ids
    }
    written: list[str] = []
    cases = target / "cases"
    for country in sorted(by_country):
        folder = cases / country
        folder.mkdir(parents=True, exist_ok=True)
        for case_id in by_country[country]:
            text = writer.individual(case_id, country, group_of.get(case_id), sexes[case_id])
            (folder / f"{case_id}.yaml").write_text(text, encoding="utf-8")
            written.append(case_id)
    agenda: list[str] = []
    for group_id, country, members in groups:
        text = writer.collective(group_id, country, [(m, sexes[m]) for m in members])
        (cases / country / f"{group_id}.yaml").write_text(text, encoding="utf-8")
        written.append(group_id)
        if f"agenda: [{AGENDA_SESSION}]" in text:
            agenda.append(group_id)
    _rewrite_agendas(target / "data" / "sessions.yaml", agenda or [written[-1]])
    return written


EDIT_GROUP = "ZZZ-COLL-01"
"""The group whose file the editing benchmark grows (a code no real country has)."""


def editing_repo(target: Path, entries: int, seed: int = 2026, data: Path | None = None) -> dict[str, str]:
    """A repository with one group file holding `entries` log entries and `entries` events.

    Writes data/ (with a country row for ZZZ), one member and the group; returns the texts
    of the group file the editing commands start from: `plain` (a decision held, no draft),
    `draft` (plain with a draft for committee-179, for `ipu adopt`) and `complaint` (a
    complaint received, no decision yet, for `ipu complaint`).
    """
    writer = _start(target, seed, data)
    rng = writer.rng
    countries = target / "data" / "countries.yaml"
    text = countries.read_text(encoding="utf-8")  # the row goes first in `countries:`, whatever follows it
    row = "  - {code: ZZZ, name: Benchmark Land, region: Europe}\n"
    countries.write_text(text.replace("\ncountries:\n", "\ncountries:\n" + row, 1), encoding="utf-8")
    if row not in countries.read_text(encoding="utf-8"):
        raise SystemExit(f"bench: no 'countries:' list in {countries}")
    _rewrite_agendas(target / "data" / "sessions.yaml", [EDIT_GROUP])
    folder = target / "cases" / "ZZZ"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ZZZ-1.yaml").write_text(
        "id: ZZZ-1\nname: Benchmark Member\nsex: female\ncountry: ZZZ\nparliament: Senate\n"
        f"mandate: former\naffiliation: opposition\ncollectives: [{EDIT_GROUP}]\n"
        "violations:\n  - code: arbitrary-detention\n",
        encoding="utf-8",
    )

    def dated(count: int) -> list[str]:
        """`count` dates, oldest first, between 1990 and 2025."""
        return [writer.show(d, 2) for d in sorted(writer.date(1990, 2025) for _ in range(count))]

    head = [
        "# yaml-language-server: $schema=../../schemas/collective-case.schema.json",
        "# Synthetic benchmark group for the editing commands: invented facts.",
        f"id: {EDIT_GROUP}",
        "country: ZZZ",
        "parliament: Senate",
        "members:",
        "  - ZZZ-1",
    ]
    complaint = ["", "complaint:", "  sections: [I.1(a)]", "  submitted: 1990-01"]
    events = ["", "# Dated facts, oldest first.", "events:"]
    for date in dated(entries):
        events += [f"  - date: {date}", f"    type: {rng.choice(writer.events)}"]
        events += writer.folded("text", writer.text(8, 30), 4)
    log = ["", "communications:"]
    for date in dated(entries):
        log += [
            f"  - date: {date}",
            f"    direction: {rng.choice(('to', 'from'))}",
            f"    party: {rng.choice(('authorities', 'complainant'))}",
            f"    description: {writer.text(4, 9)}",
        ]
    decisions = ["", "decisions:", "  - session: committee-171", "    adopted: 2023-03", "    paragraphs:"]
    for verb in VERBS:
        decisions.append(f"      - verb: {verb}")
        decisions += writer.folded("text", writer.text(10, 40).lower(), 8)
    draft = ["", "draft:", "  session: committee-179", "  paragraphs:", "    - verb: Decides"]
    draft.append("      text: to continue examining this case.")
    tail = ["", "status:", "  state: active", "confidentiality: public"]

    def text(*parts: list[str]) -> str:
        return "\n".join(line for part in parts for line in part) + "\n"

    received = [*complaint, "  steps:", "    - date: 1990-01", "      status: received"]
    variants = {
        "plain": text(head, complaint, events, log, decisions, tail),
        "draft": text(head, complaint, events, log, decisions, draft, tail),
        "complaint": text(head, received, events, log, tail),
    }
    (folder / f"{EDIT_GROUP}.yaml").write_text(variants["plain"], encoding="utf-8")
    return variants


def _rewrite_agendas(path: Path, agenda: list[str]) -> None:
    """The copied registry names real cases that the synthetic base lacks: point it at generated ones."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"agenda: \[[^\]]*\]", f"agenda: [{', '.join(agenda[:50])}]", text)
    path.write_text(text, encoding="utf-8")


# Kinds of damage, after tests/corpus/: each takes the file's text and returns bytes.
def _duplicate_key(text: str) -> bytes:
    return text.replace("\nsex: ", "\nname: Someone Else\nsex: ", 1).encode()


def _tab(text: str) -> bytes:
    return re.sub(r"\n  - code: ", "\n\t- code: ", text, count=1).encode()


def _invalid_yaml(text: str) -> bytes:
    return text.replace("\nname: ", "\nname: [unclosed ", 1).encode()


def _unknown_field(text: str) -> bytes:
    return text.replace("\nviolations:", "\nviolatons:", 1).encode()


def _bad_literal(text: str) -> bytes:
    return re.sub(r"\nsex: \w+", "\nsex: mal", text, count=1).encode()


def _missing_field(text: str) -> bytes:
    return re.sub(r"\nparliament: [^\n]*", "", text, count=1).encode()


def _bad_date(text: str) -> bytes:
    return re.sub(r"\n  - date: [0-9-]+", "\n  - date: 2023-02-30", text, count=1).encode()


def _unknown_violation(text: str) -> bytes:
    return re.sub(r"\n  - code: ([a-z-]+)", r"\n  - code: \1x", text, count=1).encode()


def _non_utf8(text: str) -> bytes:
    return text.encode().replace(b"\nname: ", b"\nname: Caf\xe9 ", 1)


def _multiple_documents(text: str) -> bytes:
    return (text + "---\nid: XXX-1\n").encode()


def _python_tag(text: str) -> bytes:
    return text.replace("\nname: ", '\nname: !!python/object/apply:os.system ["true"] #', 1).encode()


def _alias(text: str) -> bytes:
    return (text + "extra: &a [1, 2]\nmore: *a\n").encode()


def _empty(text: str) -> bytes:
    return b""


def _list_top_level(text: str) -> bytes:
    return b"- id: XXX-1\n- id: XXX-2\n"


def _id_filename(text: str) -> bytes:
    return re.sub(r"\nid: ([A-Z]{3})-", r"\nid: \1-9", text, count=1).encode()


BREAKAGE: dict[str, Callable[[str], bytes]] = {
    "duplicate-key": _duplicate_key,
    "tab": _tab,
    "invalid-yaml": _invalid_yaml,
    "unknown-field": _unknown_field,
    "bad-literal": _bad_literal,
    "missing-field": _missing_field,
    "bad-date": _bad_date,
    "unknown-violation": _unknown_violation,
    "non-utf8": _non_utf8,
    "multiple-documents": _multiple_documents,
    "python-tag": _python_tag,
    "alias": _alias,
    "empty": _empty,
    "list-top-level": _list_top_level,
    "id-filename": _id_filename,
}


def break_files(target: Path, fraction: float = 0.01, seed: int = 2026) -> dict[str, str]:
    """Damage `fraction` of the individual case files; returns {path: kind of damage}."""
    rng = random.Random(seed + 1)
    files = sorted(p for p in (target / "cases").rglob("*.yaml") if "-COLL-" not in p.name)
    chosen = rng.sample(files, max(1, round(fraction * len(list((target / "cases").rglob("*.yaml"))))))
    kinds = list(BREAKAGE)
    damaged: dict[str, str] = {}
    for index, path in enumerate(sorted(chosen)):
        kind = kinds[index % len(kinds)]
        path.write_bytes(BREAKAGE[kind](path.read_text(encoding="utf-8")))
        damaged[path.relative_to(target).as_posix()] = kind
    return damaged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--individuals", type=int, default=10_000)
    parser.add_argument("--collectives", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--broken", type=float, default=0.0, help="fraction of files to damage")
    args = parser.parse_args()
    ids = generate(args.target, args.individuals, args.collectives, args.seed)
    print(f"{len(ids)} case files written to {args.target}")
    if args.broken:
        print(f"{len(break_files(args.target, args.broken, args.seed))} files damaged")


if __name__ == "__main__":
    main()
