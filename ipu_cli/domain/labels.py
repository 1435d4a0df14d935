"""The fixed words of decisions and letters, in each language a document can be written in.

Labels of the case box, headings, the DRAFT and CONFIDENTIAL marks, the names
of the adopting bodies, the words of the Victims line and of the header.
Every document reads them from here (`LABELS[lang]`, `BODIES[lang]`,
`PHRASES[lang]`, `VICTIM_WORDS[lang]`), so a language is one set of tables;
the code around them holds only each language's word order.
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
        "affiliated": "Parliament affiliated to the IPU",
        "not_affiliated": "Parliament not affiliated to the IPU",
        "complainant": "Qualified complainant(s)",
        "procedure": "of the Committee Procedure (Annex I)",
        "submitted": "Submission of complaint",
        "recent_decision": "Recent IPU decision",
        "missions": "IPU mission(s)",
        "hearing": "Recent Committee hearing",
        "follow_up": "Recent follow-up",
        "from_authorities": "Communication from the authorities",
        "from_complainant": "Communication from the complainant",
        "to_authorities": "Communication to the authorities",
        "to_complainant": "Communication to the complainant",
        "draft": "DRAFT",
        "confidential": "CONFIDENTIAL",
        "notes": "Notes",
        "carried_over": "(carried over)",
        "closing": "Yours sincerely,",
        "enclosure": "Enclosure",
        "not_held": "(The text of this decision is not held in the case file.)",
    },
    "fr": {
        "masthead": "Union interparlementaire",
        "tagline": "Pour la démocratie. Pour tous.",
        "violations": "Allégations de violations des droits de l'homme",
        "summary": "A. Résumé du cas",
        "decision": "B. Décision",
        "intro": "Le Comité des droits de l'homme des parlementaires",
        "case": "Cas",
        "affiliated": "Parlement membre de l'UIP",
        "not_affiliated": "Parlement non membre de l'UIP",
        "complainant": "Plaignant(s) qualifié(s)",
        "procedure": "de la Procédure du Comité (Annexe I)",
        "submitted": "Date de la plainte",
        "recent_decision": "Dernière décision de l'UIP",
        "missions": "Mission(s) de l'UIP",
        "hearing": "Dernière audition devant le Comité",
        "follow_up": "Suivi récent",
        "from_authorities": "Communication des autorités",
        "from_complainant": "Communication du plaignant",
        "to_authorities": "Communication aux autorités",
        "to_complainant": "Communication au plaignant",
        "draft": "PROJET",
        "confidential": "CONFIDENTIEL",
        "notes": "Notes",
        "carried_over": "(repris)",
        "closing": "Veuillez agréer l'expression de ma haute considération.",
        "enclosure": "Pièce jointe",
        "not_held": "(Le texte de cette décision n'est pas conservé dans le dossier.)",
    },
}
LANGS = tuple(LABELS)

BODIES: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "committee": {
            "header": "the Committee on the Human Rights of Parliamentarians",
            "intro": "The Committee on the Human Rights of Parliamentarians",
            "name": "the Committee on the Human Rights of Parliamentarians",
            "short": "the Committee",
            "of": "of the Committee on the Human Rights of Parliamentarians",
        },
        "governing-council": {
            "header": "the IPU Governing Council",
            "intro": "The Governing Council of the Inter-Parliamentary Union",
            "name": "the Governing Council of the Inter-Parliamentary Union",
            "short": "the Governing Council",
            "of": "of the IPU Governing Council",
        },
    },
    "fr": {
        "committee": {
            "header": "le Comité des droits de l'homme des parlementaires",
            "intro": "Le Comité des droits de l'homme des parlementaires",
            "name": "le Comité des droits de l'homme des parlementaires",
            "short": "le Comité",
            "of": "du Comité des droits de l'homme des parlementaires",
        },
        "governing-council": {
            "header": "le Conseil directeur de l'UIP",
            "intro": "Le Conseil directeur de l'Union interparlementaire",
            "name": "le Conseil directeur de l'Union interparlementaire",
            "short": "le Conseil directeur",
            "of": "du Conseil directeur de l'UIP",
        },
    },
}
"""How each adopting body is named: in a decision's header ("Decision adopted by the IPU
Governing Council at its ..."), at the head of part B (`intro`), in running text and reference
lines (`name`), for short ("In its decision, the Governing Council:"), and after a session in a
draft's header (`of`: "Draft decision for the 180th session of the Committee ...")."""

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "header": "Decision adopted{mode} by {body} at its {number} session ({where})",
        "draft_header": "Draft decision for the {number} session {body} ({where})",
        "place_date": "{place}, {date}",
        "virtual": "virtual session",
        "extraordinary": "Extraordinary session",
        "extraordinary_virtual": "Extraordinary virtual session",
        "reference": "Ref.: {case_id} – {country} – {number} session of {body}",
        "subject_group": "{count} {noun} of {country}",
        "subject_one": "{title} {name}, {role} of the {parliament} of {country}",
        "role_incumbent": "member",
        "role_former": "former member",
        "role_elect": "member-elect",
        "role_substitute": "substitute member",
        "role_unknown": "member",
    },
    "fr": {
        "header": "Décision adoptée{mode} par {body} à sa {number} session ({where})",
        "draft_header": "Projet de décision pour la {number} session {body} ({where})",
        "place_date": "{place}, le {date}",
        "virtual": "session virtuelle",
        "extraordinary": "Session extraordinaire",
        "extraordinary_virtual": "Session extraordinaire virtuelle",
    },
}
"""Sentences built around values: the decision header (adopted, or a draft's for the coming
session), a letter's place and date, reference line and subject."""

MODES: dict[str, dict[str, str]] = {
    "en": {"unanimously": "unanimously", "by consensus": "by consensus", "without a vote": "without a vote"},
    "fr": {"unanimously": "à l'unanimité", "by consensus": "par consensus", "without a vote": "sans vote"},
}
"""Adoption modes as the header prints them (only when a decision records one)."""

VICTIM_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "label_one": "Victim",
        "label_many": "Victims",
        "member": "member of parliament",
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
}
"""The words of the case box's Victims line (domain/victims.py puts them in order).

Affiliations `other` and `unknown` and mandates `incumbent` and `unknown` have no word:
they are never printed."""
