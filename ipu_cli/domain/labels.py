"""The fixed words of decisions and letters, in each language a document can be written in.

Labels of the case box, headings, the DRAFT and CONFIDENTIAL marks, the names
of the adopting bodies, the words of the Victims line, of the header, of the
letters' frame and of the checklist's footnotes. Every document reads them from
here (`LABELS[lang]`, `BODIES[lang]`, `PHRASES[lang]`, `MODES[lang]`,
`FOOTNOTES[lang]`, `VICTIM_WORDS[lang]`), so a language is one set of tables
(every table but `VICTIM_WORDS` has the same keys in every language: a test
says so); the code around them holds only each language's word order. French
is written as the IPU prints it (docs/translations.md); colons and semicolons
are bare here, French typography is applied to the whole document.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "masthead": "Inter-Parliamentary Union",
        "tagline": "For democracy. For everyone.",
        "violations": "Alleged human rights violations",
        "summary": "A. Summary of the case",
        "decision": "B. Decision",
        "intro": "The Committee on the Human Rights of Parliamentarians",
        "case": "Case",
        "ms": "(Ms.)",
        "affiliated": "Parliament affiliated to the IPU",
        "not_affiliated": "Parliament not affiliated to the IPU",
        "complainant": "Qualified complainant(s)",
        "section": "Section I.1{letters}",
        "procedure": "of the Committee Procedure (Annex I)",
        "submitted": "Submission of complaint",
        "submitted_many": "Submission of complaints",
        "recent_decision": "Recent IPU decision",
        "missions": "IPU mission(s)",
        "missions_many": "IPU mission(s)",
        "hearing": "Recent Committee hearing",
        "hearing_many": "Recent Committee hearings",
        "follow_up": "Recent follow-up",
        "from_authorities": "Communication from the authorities",
        "from_complainant": "Communication from the complainant",
        "to_authorities": "Communication to the authorities",
        "to_complainant": "Communication to the complainant",
        "draft": "DRAFT",
        "confidential": "CONFIDENTIAL",
        "unofficial": "Unofficial translation",
        "carried_over": "(carried over)",
        "enclosure": "Enclosure",
        "not_held": "(The text of this decision is not held in the case file.)",
        "contents": "Contents",
        "unknown_region": "Other",
    },
    "fr": {
        "masthead": "Union interparlementaire",
        "tagline": "Pour la démocratie. Pour tous.",
        "violations": "Allégations de violations des droits de l'homme",
        "summary": "A. Résumé du cas",
        "decision": "B. Décision",
        "intro": "Le Comité des droits de l'homme des parlementaires",
        "case": "Cas",
        "ms": "(Mme)",
        "affiliated": "Parlement Membre de l'UIP",
        "not_affiliated": "Parlement non membre de l'UIP",
        "complainant": "Plaignant(s) qualifié(s)",
        "section": "Section I. 1 {letters}",
        "procedure": "de la Procédure du Comité (Annexe I)",
        "submitted": "Date de la plainte",
        "submitted_many": "Dates des plaintes",
        "recent_decision": "Dernière décision de l'UIP",
        "missions": "Mission de l'UIP",
        "missions_many": "Missions de l'UIP",
        "hearing": "Dernière audition devant le Comité",
        "hearing_many": "Dernières auditions devant le Comité",
        "follow_up": "Suivi récent",
        "from_authorities": "Communication(s) des autorités",
        "from_complainant": "Communication(s) du plaignant",
        "to_authorities": "Communication(s) de l'UIP adressée(s) aux autorités",
        "to_complainant": "Communication(s) de l'UIP adressée(s) au plaignant",
        "draft": "PROJET",
        "confidential": "CONFIDENTIEL",
        "unofficial": "Traduction non officielle",
        "carried_over": "(repris tel quel)",
        "enclosure": "Pièce jointe",
        "not_held": "(Le texte de cette décision ne figure pas dans le dossier.)",
        "contents": "Table des matières",
        "unknown_region": "Autres",
    },
}
"""Box labels, headings and marks (and a session booklet's: "Contents", the heading of the
countries of no known region). A label with a `_many` twin is chosen by the number of
items it introduces ("Missions de l'UIP"); the four "Recent follow-up" labels are fixed, as the
IPU prints them whatever the number of letters ("Communication(s) des autorités"); `section`
formats the complainant's categories ("Section I.1(a) and (d)", "Section I. 1 a) et d)")."""
LANGS = tuple(LABELS)
LANGUAGE_NAMES = {"en": "English", "fr": "French"}
"""Each language's name, as ipu's own (English) messages say it: "no French for the summary"."""

BODIES: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "committee": {
            "header": "the Committee on the Human Rights of Parliamentarians",
            "intro": "The Committee on the Human Rights of Parliamentarians",
            "name": "the Committee on the Human Rights of Parliamentarians",
            "short": "the Committee",
            "title": "Committee on the Human Rights of Parliamentarians",
        },
        "governing-council": {
            "header": "the IPU Governing Council",
            "intro": "The Governing Council of the Inter-Parliamentary Union",
            "name": "the Governing Council of the Inter-Parliamentary Union",
            "short": "the Governing Council",
            "title": "Governing Council of the Inter-Parliamentary Union",
        },
    },
    "fr": {
        "committee": {
            "header": "le Comité des droits de l'homme des parlementaires",
            "intro": "Le Comité des droits de l'homme des parlementaires",
            "name": "le Comité des droits de l'homme des parlementaires",
            "short": "le Comité",
            "title": "Comité des droits de l'homme des parlementaires",
        },
        "governing-council": {
            "header": "le Conseil directeur de l'UIP",
            "intro": "Le Conseil directeur de l'Union interparlementaire",
            "name": "le Conseil directeur de l'Union interparlementaire",
            "short": "le Conseil directeur",
            "title": "Conseil directeur de l'Union interparlementaire",
        },
    },
}
"""How each adopting body is named: in a decision's header ("Decision adopted by the IPU
Governing Council at its ..."), at the head of part B (`intro`), in running text and reference
lines (`name`), for short ("In its decision, the Governing Council:"), and as a title (the
cover of a session's booklet: `title`). After "session"
`words.of_phrase` makes "of the Committee ..." of them, French "du Comité ..." (a reference
line names the body by `name`, a draft's header by `header`)."""

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "header": "Decision adopted{mode} by {body} at its {number} session ({where})",
        "draft_header": "Draft decision for the {number} session {of_body} ({where})",
        "place_date": "{place}, {date}",
        "virtual": "virtual session",
        "extraordinary": "Extraordinary session",
        "extraordinary_virtual": "Extraordinary virtual session",
        "reference": "Ref.: {case_id} – {country} – {number} session {of_body}",
        "subject_group": "{count} {noun} {of_country}",
        "subject_one": "{title} {name}, {role} {of_parliament} {of_country}",
        "role_incumbent": "member",
        "role_incumbent_female": "member",
        "role_former": "former member",
        "role_former_female": "former member",
        "role_elect": "member-elect",
        "role_elect_female": "member-elect",
        "role_substitute": "substitute member",
        "role_substitute_female": "substitute member",
        "role_unknown": "member",
        "role_unknown_female": "member",
        "next_session": "{number} session",
        "salutation": "Dear Sir or Madam,",
        "closing": "Yours sincerely,",
        "booklet_adopted": "Decisions adopted at its {number} session",
        "booklet_drafts": "Draft decisions for its {number} session",
        "booklet_entry": "{country}: {who}",
    },
    "fr": {
        "header": "Décision adoptée{mode} par {body} à sa {number} session ({where})",
        "draft_header": "Projet de décision pour la {number} session {of_body} ({where})",
        "place_date": "{place}, le {date}",
        "virtual": "session en ligne",
        "extraordinary": "session extraordinaire",
        "extraordinary_virtual": "session extraordinaire en ligne",
        "reference": "Réf.: {case_id} – {country} – {number} session {of_body}",
        "subject_group": "{count} {noun} {of_country}",
        "subject_one": "{title} {name}, {role} {of_parliament} {of_country}",
        "role_incumbent": "membre",
        "role_incumbent_female": "membre",
        "role_former": "ancien membre",
        "role_former_female": "ancienne membre",
        "role_elect": "membre élu",
        "role_elect_female": "membre élue",
        "role_substitute": "membre suppléant",
        "role_substitute_female": "membre suppléante",
        "role_unknown": "membre",
        "role_unknown_female": "membre",
        "next_session": "{number} session",
        "salutation": "Madame, Monsieur,",
        "closing": "Je vous prie d'agréer, {salutation}, l'assurance de ma haute considération.",
        "booklet_adopted": "Décisions adoptées à sa {number} session",
        "booklet_drafts": "Projets de décision pour sa {number} session",
        "booklet_entry": "{country}: {who}",
    },
}
"""Sentences built around values: the decision header (adopted, or a draft's for the coming
session), a letter's place and date ("Genève, le 3 mars 2026"), reference line, subject,
salutation (when the case names no addressee) and closing (French echoes the salutation:
"Je vous prie d'agréer, Monsieur le Président, ..."), and a session booklet's title ("Decisions
adopted at its 179th session", under the body's `title`) and contents lines ("Cambodia: 38
parliamentarians"). Colons are written bare: French
documents get their narrow no-break spaces from `documents/style.typography`."""

MODES: dict[str, dict[str, str]] = {
    "en": {"unanimously": "unanimously", "by consensus": "by consensus", "without a vote": "without a vote"},
    "fr": {"unanimously": "à l'unanimité", "by consensus": "par consensus", "without a vote": "sans vote"},
}
"""Adoption modes as the header prints them (only when a decision records one)."""

FOOTNOTES: dict[str, dict[str, str]] = {
    "en": {
        "past_only": "Alleged violation which applied in the past only.",
        "previously": "Alleged violations which previously concerned {whom}: {ids}.",
        "whom": "the following parliamentarians",
        "whom_former": "the following former parliamentarians",
        "whom_female": "the following parliamentarians",
        "whom_former_female": "the following former parliamentarians",
        "whom_one": "the following parliamentarians",
        "whom_one_former": "the following former parliamentarians",
        "whom_one_female": "the following parliamentarians",
        "whom_one_former_female": "the following former parliamentarians",
        "currently": " Only currently applies to {cases}",
        "no_longer": " No longer applies.",
        "only": "Only concerns {cases}",
        "as_regards": ", as regards {cases}",
        "case": "case {ids}",
        "cases": "cases {ids}",
        "to_case": "case {ids}",
        "to_cases": "cases {ids}",
    },
    "fr": {
        "past_only": "Violation alléguée qui ne s'appliquait que par le passé.",
        "previously": "Violations alléguées qui concernaient auparavant {whom}: {ids}.",
        "whom": "les parlementaires suivants",
        "whom_former": "les anciens parlementaires suivants",
        "whom_female": "les parlementaires suivantes",
        "whom_former_female": "les anciennes parlementaires suivantes",
        "whom_one": "le parlementaire suivant",
        "whom_one_former": "l'ancien parlementaire suivant",
        "whom_one_female": "la parlementaire suivante",
        "whom_one_former_female": "l'ancienne parlementaire suivante",
        "currently": " Ne s'applique actuellement qu'{cases}",
        "no_longer": " Ne s'applique plus.",
        "only": "Ne concerne que {cases}",
        "as_regards": ", en ce qui concerne {cases}",
        "case": "le cas {ids}",
        "cases": "les cas {ids}",
        "to_case": "au cas {ids}",
        "to_cases": "aux cas {ids}",
    },
}
"""The checklist's footnotes (domain/checklist.py puts them together). `whom` names the members
an alleged violation previously concerned: `_one` for one member, `_former` when all are former
MPs, `_female` when all are women (French agrees in number and gender: "l'ancienne
parlementaire suivante"; English keeps the seed's "the following [former] parliamentarians"). `case`/`cases` name the
cases after "Only concerns"; `to_case`/`to_cases` after "applies to" (French contracts "à le"
to "au")."""

VICTIM_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "label_one": "Victim",
        "label_many": "Victims",
        "member": "member of parliament",
        "members": "members of parliament",
        "parliamentarian": "parliamentarian",
        "parliamentarians": "parliamentarians",
        "elect": "-elect",
        "a": "a",
        "including": "including",
        "young": "young",
        "male": "male",
        "female": "female",
        "former": "former",
        "substitute": "substitute",
        "opposition": "opposition",
        "majority": "majority",
        "independent": "independent",
    },
    "fr": {
        "label_one": "Victime",
        "label_many": "Victimes",
        "a": "un",
        "a_female": "une",
        "member": "député",
        "member_female": "députée",
        "parliamentarian": "parlementaire",
        "parliamentarians": "parlementaires",
        "young": "jeune",
        "former": "ancien",
        "substitute": "suppléant",
        "elect": "élu",
        "opposition": "de l'opposition",
        "majority": "de la majorité",
        "independent": "indépendant",
        "men": "{count} hommes",
        "man": "un homme",
        "women": "{count} femmes",
        "woman": "une femme",
        "all_men": "tous des hommes",
        "all_women": "toutes des femmes",
        "including": "dont",
    },
}
"""The words of the case box's Victims line (domain/victims.py puts them in order, one function
per language). French adjectives are given in the masculine singular (`ancien`, `élu`,
`indépendant`) and agree in victims.py; `opposition` and `majority` are invariable there.

Affiliations `other` and `unknown` and mandates `incumbent` and `unknown` have no word:
they are never printed."""
