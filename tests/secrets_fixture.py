"""A confidential case and internal fields added to the `repo` copy, to prove they never leak.

The names are invented and deliberately odd, so that finding any of them in an
output can only mean a leak.
"""

from __future__ import annotations

from pathlib import Path

SECRET_CASE = """\
id: KHM-900
aliases: [CMBD/900]
name: Zorvath Ğazorpazorp
sex: female
country: KHM
parliament: National Assembly
mandate: incumbent
affiliation: majority
party: Xylophone Fixture Party
violations:
  - code: impunity
  - code: arbitrary-detention
complaint:
  sections: [I.1(a)]
  submitted: 2026-01
  complainant: Quinbrook Fixture-Complainant
summary: Invented test case about Zorvath Ğazorpazorp; it must never be published.
events:
  - date: 2026-01-10
    type: arrest
    text: Ğazorpazorp arrested (invented test event).
communications:
  - date: 2026-02
    direction: to
    party: authorities
    description: Letter about Ğazorpazorp
status:
  state: active
confidentiality: confidential
"""

INTERNAL_ENTRY = """\
  - date: 2023-01
    direction: from
    party: third-party
    description: Internal note from Quinbrook informant
    internal: true
"""

SECRETS = ("Gazorpazorp", "Ğazorpazorp", "Xylophone", "Quinbrook", "KHM-900", "CMBD/900")
"""Strings that may appear only in output made with --include-confidential."""


def add_secrets(root: Path) -> None:
    """Write the confidential MP; give the public group an internal log entry and a named complainant."""
    (root / "cases" / "KHM" / "KHM-900.yaml").write_text(SECRET_CASE, encoding="utf-8")
    group = root / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = group.read_text(encoding="utf-8")
    text = text.replace("communications:\n", "communications:\n" + INTERNAL_ENTRY, 1)
    text = text.replace(
        "  submitted: 2011-11\n", "  submitted: 2011-11\n  complainant: Quinbrook Human Rights Watchers\n", 1
    )
    group.write_text(text, encoding="utf-8")


def leaks(text: str) -> list[str]:
    """The secret strings found in `text` (accents and case ignored)."""
    from ipu_cli.queries.filters import fold

    folded = fold(text)
    return [secret for secret in SECRETS if fold(secret) in folded]


SECRET_MEMBER = """\
id: KHM-55
aliases: [CMBD/55]
name: Vexmorrow Ptarmigan
sex: female
country: KHM
parliament: National Assembly
mandate: incumbent
affiliation: majority
party: Obsidian Fixture Front
collectives: [KHM-COLL-03]
violations:
  - code: impunity
    note: in the context of the Ptarmigan abduction
  - code: enforced-disappearance
  - code: inhumane-detention
    scope: past
events:
  - date: 2019-07-13
    type: arrest
    text: Ptarmigan seized at night (invented test event).
status:
  state: active
confidentiality: confidential
"""

INTERNAL_GROUP_ENTRY = """\
  - date: 2024-05-29
    direction: from
    party: authorities
    description: Internal call with Quinbrook about Ptarmigan
    internal: true
"""

INTERNAL_ADDRESSEE = """\
  - party: authorities
    title: Quinbrook Internal Liaison
    name: Hollowfen Ptarmigan
    address: [Secret Street 7]
    salutation: Dear Hollowfen,
    internal: true
"""

ALL_SECRETS = (
    *SECRETS,
    "Vexmorrow",
    "Ptarmigan",
    "Obsidian",
    "Hollowfen",
    "KHM-55",
    "CMBD/55",
    "Secret Street",
    "2019-07-13",
    "13 July 2019",
    "July 2019",
    "2024-05",
    "May 2024",
)
"""Everything `add_all_secrets` adds: names, ids, dates (as written and as prose), texts. (The
label of the violation only the confidential member has is in the public vocabulary export;
the sweep finds it in a decision by comparing with the output made without the secrets.)"""


def add_all_secrets(root: Path) -> None:
    """`add_secrets`, plus a confidential MP inside the public group (in id order among its
    members), an internal log entry dated later than every public one from the authorities,
    and an internal addressee listed before the public one."""
    add_secrets(root)
    (root / "cases" / "KHM" / "KHM-55.yaml").write_text(SECRET_MEMBER, encoding="utf-8")
    group = root / "cases" / "KHM" / "KHM-COLL-03.yaml"
    text = group.read_text(encoding="utf-8")
    text = text.replace("  - KHM-53\n", "  - KHM-53\n  - KHM-55\n", 1)
    text = text.replace("  - date: 2025-12\n", INTERNAL_GROUP_ENTRY + "  - date: 2025-12\n", 1)
    text = text.replace("addressees:\n", "addressees:\n" + INTERNAL_ADDRESSEE, 1)
    group.write_text(text, encoding="utf-8")


def all_leaks(text: str) -> list[str]:
    """The strings of `ALL_SECRETS` found in `text` (accents and case ignored)."""
    from ipu_cli.queries.filters import fold

    folded = fold(text)
    return [secret for secret in ALL_SECRETS if fold(secret) in folded]


SECRET_TRANSLATIONS = {
    "KHM-900.fr.yaml": """\
status: unofficial
texts:
  - en: Letter about Ğazorpazorp
    fr: Lettre sur Ğazorpazorp
  - en: National Assembly
    fr: Assemblée nationale
""",
    "KHM-55.fr.yaml": """\
status: unofficial
texts:
  - en: in the context of the Ptarmigan abduction
    fr: dans le contexte de l'enlèvement de Ptarmigan (Quinbrook)
""",
}

INTERNAL_PAIRS = """\
  - en: Internal call with Quinbrook about Ptarmigan
    fr: Appel interne avec Quinbrook au sujet de Ptarmigan
  - en: Internal note from Quinbrook informant
    fr: Note interne d'un informateur de Quinbrook
"""


def add_secret_translations(root: Path) -> None:
    """French of the secrets: translation files of both confidential MPs, and pairs for the
    group's internal log entries in its own translation file (French outputs must leave them out)."""
    for name, text in SECRET_TRANSLATIONS.items():
        (root / "cases" / "KHM" / name).write_text(text, encoding="utf-8")
    path = root / "cases" / "KHM" / "KHM-COLL-03.fr.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("texts:\n", "texts:\n" + INTERNAL_PAIRS, 1), encoding="utf-8")
