"""The closed vocabularies of case files, as plain tuples.

The models' `Literal` types are built from these (`domain/cases.py`), and the
paths that must not import Pydantic (shell completion, `ipu show`) and the
filters of `ipu list` read them here, so a value added in one place is
accepted, completed and filtered everywhere.
"""

from __future__ import annotations

SEXES = ("male", "female")
MANDATES = ("incumbent", "former", "elect", "substitute", "unknown")
AFFILIATIONS = ("opposition", "majority", "independent", "other", "unknown")
STATES = ("active", "closed")
"""The `status.state` of a case."""
FINDING_MANDATES = ("sitting", "elect")
"""What the MP(s) were when the alleged violations began: the admissibility findings' `mandate`."""
