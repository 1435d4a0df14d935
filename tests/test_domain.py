"""The domain rules on their own, without the CLI fixture: each rule has one home, tested there."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

import pytest

from ipu_cli.documents.batch import Batch, Rendered
from ipu_cli.domain import communications, groups, sessions, words
from ipu_cli.domain.dated import dated_facts, out_of_order
from ipu_cli.domain.dates import PartialDate
from ipu_cli.domain.ids import id_key, id_parts, normalise_id, resolve_id
from ipu_cli.domain.suggest import did_you_mean
from ipu_cli.domain.visibility import covered_members, is_public, visible
from ipu_cli.errors import IpuError, UsageError


def test_ids_resolve_loose_spellings_against_the_ids_that_exist():
    known = ["PHL-08", "PHL-10", "KHM-60", "KHM-COLL-03"]
    for typed in ("PHL-08", "phl08", "PHL/08", "PHL-8", "phl 8"):
        assert resolve_id(typed, known) == "PHL-08", typed
    assert resolve_id("khm-coll-3", known) == "KHM-COLL-03"
    assert resolve_id("PHL-9", known) is None
    assert resolve_id("not an id", known) is None
    assert id_parts("Khm/60") == ("KHM", False, 60)
    assert normalise_id("khm60") == "KHM-60"


def test_a_loose_spelling_that_could_mean_two_ids_means_none():
    assert resolve_id("PHL-8", ["PHL-08", "PHL-008"]) is None


def test_natural_id_order():
    ids = ["KHM-COLL-03", "KHM-101", "KHM-48", "KHM-99", "AFG-2"]
    assert sorted(ids, key=id_key) == ["AFG-2", "KHM-48", "KHM-99", "KHM-101", "KHM-COLL-03"]


def test_did_you_mean_has_one_style():
    assert did_you_mean("violatons", ["violations", "events"]) == "; did you mean 'violations'?"
    assert did_you_mean("zzz", ["violations"]) == ""


def test_did_you_mean_prefers_fewest_edits_then_the_order_given():
    # KHM-60, KHM-62 and KHM-96 are equally similar to KHM-61 for difflib, which took the
    # greatest string; KHM-96 is two edits away, KHM-51 one edit but earlier in the id
    known = ["KHM-51", "KHM-60", "KHM-62", "KHM-96"]
    assert did_you_mean("KHM-61", known) == "; did you mean 'KHM-60'?"
    assert did_you_mean("KHM-61", known[::-1]) == "; did you mean 'KHM-62'?"
    assert did_you_mean("KHM-600", ["KHM-60", "KHM-06"]) == "; did you mean 'KHM-60'?"


def test_sessions_as_typed():
    for typed in ("180", "180th", " committee-180 ", 180):
        assert sessions.parse_session(typed) == "committee-180"
    assert sessions.parse_session("205", "governing-council") == "governing-council-205"
    assert sessions.parse_session("governing-council-205") == "governing-council-205"
    with pytest.raises(UsageError) as error:
        sessions.parse_session("next")
    assert error.value.message == (
        "--session: expected a session number such as 180, 180th or committee-180, got 'next'"
    )


def test_find_session_refuses_the_assembly_and_lists_the_known():
    registry = {
        "committee-179": NS(body="committee", number=179),
        "assembly-146": NS(body="assembly", number=146),
    }
    assert sessions.find_session(registry, "179th").number == 179
    with pytest.raises(UsageError) as error:
        sessions.find_session(registry, "181")
    assert error.value.message == "session committee-181 is not in data/sessions.yaml (known: committee-179)"
    with pytest.raises(UsageError):
        sessions.find_session(registry, "assembly-146")


def test_describe_a_session():
    session = NS(number=179, start=PartialDate(2026, 2, 2))
    assert sessions.describe(session) == "179th session (February 2026)"


def test_number_words():
    assert [words.number_words(n) for n in (0, 4, 9, 10, 38)] == ["zero", "four", "nine", "10", "38"]
    assert words.number_value("Four") == 4 and words.number_value("34") == 34
    assert words.number_value("many") is None
    assert [words.ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 112, 179)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "112th", "179th",
    ]  # fmt: skip
    assert words.join_list(["a", "b", "c"]) == "a, b and c"


class _Base:
    """A case base as the domain rules see it: `get`, `view`, `members`, `problems`."""

    def __init__(self, *cases: NS, problems: list | None = None) -> None:
        self.by_id = {case.id: case for case in cases}
        self.problems = problems or []

    def get(self, case_id: str) -> NS | None:
        return self.by_id.get(case_id)

    view = get

    def members(self, group: NS) -> list[NS]:
        return [self.by_id[m] for m in group.members if m in self.by_id]


def _mp(case_id: str, confidentiality: str = "public", collectives: tuple[str, ...] = ("XXX-COLL-01",)) -> NS:
    return NS(id=case_id, collectives=list(collectives), confidentiality=confidentiality)


def test_an_mp_in_a_group_is_handled_through_it():
    group = NS(id="XXX-COLL-01", members=["XXX-1"], confidentiality="public")
    mp = _mp("XXX-1")
    base = _Base(group, mp)
    assert groups.holder(mp, base) is group
    assert groups.holder(group, base) is group
    alone = _mp("XXX-2", collectives=())
    assert groups.holder(alone, base) is alone
    with pytest.raises(IpuError, match="examined in several groups"):
        groups.holder(_mp("XXX-3", collectives=("XXX-COLL-01", "XXX-COLL-02")), base)
    with pytest.raises(IpuError, match="whose file cannot be read"):
        groups.holder(_mp("XXX-4", collectives=("XXX-COLL-09",)), base)


def test_a_confidential_member_of_a_public_group_is_not_shown():
    group = NS(id="XXX-COLL-01", members=["XXX-1", "XXX-2"], confidentiality="public")
    base = _Base(group, _mp("XXX-1"), _mp("XXX-2", "confidential"))
    assert [m.id for m in covered_members(group, base)] == ["XXX-1"]
    assert [m.id for m in covered_members(group, base, include_confidential=True)] == ["XXX-1", "XXX-2"]
    assert not is_public(base.get("XXX-2"), base)


def test_a_member_of_a_confidential_group_is_not_public():
    group = NS(id="XXX-COLL-01", members=["XXX-1"], confidentiality="confidential")
    base = _Base(group, _mp("XXX-1"))
    assert not is_public(base.get("XXX-1"), base)
    assert visible([base.get("XXX-1")], base) == []


def test_a_document_with_a_member_missing_is_refused():
    group = NS(id="XXX-COLL-01", members=["XXX-1", "XXX-2"], confidentiality="public")
    problem = NS(path="cases/XXX/XXX-2.yaml", is_error=True)
    base = _Base(group, _mp("XXX-1"), problems=[problem])
    with pytest.raises(IpuError) as error:
        covered_members(group, base)
    assert error.value.problems == [problem]
    assert "the file of member XXX-2 cannot be read" in error.value.message


def _entry(date: str, direction: str = "to", party: str = "authorities", internal: bool = False) -> NS:
    return NS(date=PartialDate.parse(date), direction=direction, party=party, internal=internal, n=date)


def test_latest_communication_each_way():
    log = [_entry("2025-12"), _entry("2026-01-05"), _entry("2026-01"), _entry("2026-02", internal=True)]
    assert communications.latest(log, "to", "authorities").n == "2026-01-05"
    assert communications.latest(log, "to", "authorities", public=False).n == "2026-02"
    assert communications.latest(log, "from", "authorities") is None
    same_day = [_entry("2026-01-05"), NS(**{**vars(_entry("2026-01-05")), "n": "second"})]
    assert communications.latest(same_day, "to", "authorities").n == "second"
    assert communications.way("from", "complainant") == "from the complainant"


def test_dated_facts_and_their_order():
    case = NS(
        events=[NS(date=PartialDate(2020)), NS(date=PartialDate(2019))],
        missions=[],
        hearings=[],
        communications=[],
        decisions=[NS(adopted=PartialDate(2021, 3))],
        complaint=NS(submitted=PartialDate(2011, 11)),
        status=NS(date=None),
        death_date=None,
    )
    assert [(str(d), loc) for d, loc in dated_facts(case)] == [
        ("2020", ("events", 0, "date")),
        ("2019", ("events", 1, "date")),
        ("2021-03", ("decisions", 0, "adopted")),
        ("2011-11", ("complaint", "submitted")),
    ]
    assert list(out_of_order(case)) == [
        (("events", 1, "date"), "events are kept oldest first: 2019 comes after 2020")
    ]


def test_a_batch_with_a_failure_is_refused_whole():
    batch = Batch()
    batch.add(lambda: Rendered("a.md", "A"), "A")

    def broken() -> Rendered:
        raise IpuError("template error")

    batch.add(broken, "B")
    with pytest.raises(IpuError) as error:
        batch.refuse_if_failed("document")
    assert (error.value.message, error.value.details) == (
        "1 document could not be made; nothing written",
        ["B: template error"],
    )


def test_months_since_counts_calendar_months():
    from ipu_cli.domain.dates import months_since

    assert months_since(2025, 12, dt.date(2026, 3, 1)) == 3
    assert months_since(2026, None, dt.date(2026, 3, 1)) == 2


def test_country_names_in_prose_and_in_headings():
    from conftest import ROOT

    from ipu_cli.store.refdata import load_reference

    ref = load_reference(ROOT)
    assert [ref.country_prose(code) for code in ("PHL", "COD", "GBR", "IRN", "KHM", "MDV")] == [
        "the Philippines",
        "the Democratic Republic of the Congo",
        "the United Kingdom",
        "the Islamic Republic of Iran",
        "Cambodia",
        "Maldives",
    ]
    assert ref.country_name("PHL") == "Philippines"
    assert ref.country_prose("PHL", "fr") == "les Philippines"
    assert ref.country_prose("XXX") == "XXX"
    assert all(c.prose.startswith("the ") for c in ref.countries.values() if c.prose)


def test_ids_keep_their_digits_as_typed():
    assert normalise_id("phl08") == "PHL-08"
    assert normalise_id("PHL/8") == "PHL-8"
    assert normalise_id("khm-coll-3") == "KHM-COLL-03"
    assert normalise_id("KHM-COLL-003") == "KHM-COLL-003"
