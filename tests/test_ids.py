"""Case ids: the one natural sort order every listing uses."""

from __future__ import annotations

from ipu_cli.domain.ids import id_key


def test_id_key_sorts_numerically() -> None:
    ids = ["KHM-101", "KHM-99", "KHM-48", "KHM-102"]
    assert sorted(ids, key=id_key) == ["KHM-48", "KHM-99", "KHM-101", "KHM-102"]


def test_groups_follow_their_country_s_mps() -> None:
    ids = ["THA-1", "KHM-COLL-03", "KHM-102", "KHM-COLL-1", "KHM-7"]
    assert sorted(ids, key=id_key) == ["KHM-7", "KHM-102", "KHM-COLL-1", "KHM-COLL-03", "THA-1"]
