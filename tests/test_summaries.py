"""`ipu list` and `ipu stats` run on `CaseSummary` objects: they must answer as the models do.

The summaries come from the cache (a warm run) or from the models (a cold or
uncached run); either way every query and figure must equal the one computed
from the Pydantic models, and confidentiality must still be decided by
`confidentiality.py`, also for what a summary reads from its model.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from secrets_fixture import add_secrets

from ipu_cli.checks.pipeline import load_case_base
from ipu_cli.domain.visibility import is_public, visible
from ipu_cli.queries.figures import compute, period_for
from ipu_cli.queries.filters import _select, parse_filters, row
from ipu_cli.store.records import CaseSummary

QUERIES = (
    {},
    {"kind": "all"},
    {"kind": "collective", "sex": "female"},
    {"violations": ["arbitrary-detention"], "current_only": True},
    {"status": "closed"},
    {"deceased": True},
    {"affiliation": "opposition", "mandate": "former"},
    {"grep": "cambodia"},
    {"since": "2019", "until": "2021-06"},
    {"collective": "KHM-COLL-03"},
)


@pytest.fixture(params=["warm", "uncached"])
def base(request, repo):
    add_secrets(repo)
    if request.param == "warm":
        load_case_base(repo)  # fills the cache: the next read builds summaries from it
        loaded = load_case_base(repo)
        assert all(r._row is not None and r._case is None for r in loaded.records.values())
    else:
        loaded = load_case_base(repo, cache=False)
    return loaded


def _rows(base, cases, query, include):
    f = parse_filters(base.reference, base, **query)
    shown = visible(cases, base, include)
    ids = {c.id for c in shown}
    return [row(c, base, ids) for c in _select(shown, base, f)]


@pytest.mark.parametrize("include", [False, True])
def test_list_rows_from_summaries_equal_rows_from_models(base, include):
    for query in QUERIES:
        from_models = _rows(base, base.cases(), query, include)
        from_summaries = _rows(base, base.summaries(), query, include)
        assert from_summaries == from_models, query
    # Not vacuous: 38 MPs and the group, plus the invented confidential MP when included.
    assert len(_rows(base, base.summaries(), {"kind": "all"}, include)) == (40 if include else 39)


@pytest.mark.parametrize("include", [False, True])
def test_stats_from_summaries_equal_stats_from_models(base, include, monkeypatch):
    period = period_for(None, None, dt.date(2026, 11, 29))
    from_summaries = compute(base, period, include)
    monkeypatch.setattr(type(base), "summaries", type(base).cases)
    from_models = compute(base, period, include)
    assert json.dumps(from_summaries.as_dict()) == json.dumps(from_models.as_dict())  # order too
    assert from_summaries.mps == (39 if include else 38)


def test_summary_is_public_as_its_model(base):
    for summary, case in zip(base.summaries(), base.cases(), strict=True):
        assert isinstance(summary, CaseSummary)
        assert summary.id == case.id
        assert is_public(summary, base) == is_public(case, base)
    assert base.view("KHM-900").confidentiality == "confidential"


def test_redacted_summary_reads_a_redacted_model(base):
    group = next(s for s in visible(base.summaries(), base) if s.id == "KHM-COLL-03")
    assert isinstance(group, CaseSummary)
    # Fields a summary does not hold come from the model, through confidentiality.redact.
    assert group.communications and not any(c.internal for c in group.communications)
    assert group.complaint.submitted
    assert group.model().complaint.complainant is None
    raw = base.view("KHM-COLL-03")
    assert any(c.internal for c in raw.communications)  # the unfiltered summary: the full model


def test_summary_from_a_model_equals_the_cached_one(base, repo):
    """Uncacheable files (links...) get their summary from the model: it must match the cache's."""
    from ipu_cli.checks.pipeline import check_file

    for case_id in ("KHM-60", "KHM-COLL-03", "KHM-900"):
        cached = base.view(case_id)
        fresh = check_file(repo / "cases" / "KHM" / f"{case_id}.yaml", repo, base.reference).record
        assert fresh is not None and fresh._row is None
        names = [n for n in CaseSummary.__slots__ if not n.startswith("_")]
        assert [getattr(fresh.summary, n) for n in names] == [getattr(cached, n) for n in names]
        assert (fresh.summary.status, fresh.summary.complaint) == (cached.status, cached.complaint)
