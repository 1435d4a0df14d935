"""The fixed words of decisions, in each language a document can be written in.

Labels of the case box, headings, the DRAFT and CONFIDENTIAL marks. Every
document reads them from here (`LABELS[lang]`), so a language is one table.
"""

from __future__ import annotations

COMMITTEE = "the Committee on the Human Rights of Parliamentarians"
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
    },
}
LANGS = tuple(LABELS)
