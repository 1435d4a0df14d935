"""store/textedit: values written as YAML that reads back unchanged, splices, the kept-lines proof, diffs."""

from __future__ import annotations

import pytest

from ipu_cli.domain.dates import PartialDate
from ipu_cli.store.textedit import (
    Document,
    EditError,
    Splice,
    date_value,
    kept,
    plain,
    render_entry,
    render_item,
    scalar,
    unified_diff,
)
from ipu_cli.store.yamlload import load_text

TRICKY = [
    "plain words",
    "yes",
    "2026-02-01",
    "123",
    "a: b",
    "# not a comment",
    "- not an item",
    "'quoted'",
    'say "hi"',
    "Ğazorpazorp ünïcode",
    "trailing colon:",
    "[brackets]",
    "tab\there",
    "two\nlines",
    "null",
    "~",
    "@at",
    "%percent",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_every_string_reads_back_unchanged(text):
    line = f"key: {scalar(text)}\n"
    assert load_text(line, "x").data == {"key": text}


def test_bare_values():
    assert scalar(date_value(PartialDate(2026, 2))) == "2026-02"
    assert scalar(date_value(PartialDate(2024))) == "2024"
    assert plain(date_value(PartialDate(2024))) == 2024
    assert plain(date_value(PartialDate(2026, 2, 1))) == "2026-02-01"
    assert scalar(True) == "true"
    assert scalar("I.1(a)") == "I.1(a)"


def test_long_text_is_folded_at_word_boundaries_and_reads_back():
    text = " ".join(f"word{i}" for i in range(40))
    lines = render_entry("text", text, 4)
    assert lines[0] == "    text: >-\n"
    assert all(len(line.rstrip("\n")) <= 90 for line in lines)
    assert all(line.startswith("      word") for line in lines[1:])
    assert load_text("".join(lines), "x").data == {"text": text}


def test_long_text_with_double_spaces_is_quoted_not_folded():
    text = "a  b " * 30
    lines = render_entry("text", text.strip(), 0)
    assert len(lines) == 1
    assert load_text(lines[0], "x").data == {"text": text.strip()}


def test_items_and_nested_lists():
    value = {"verb": "Notes", "text": "that x;", "items": ["one, two;", "three;"]}
    lines = render_item(value, 2)
    assert lines == [
        "  - verb: Notes\n",
        "    text: that x;\n",
        "    items:\n",
        "      - one, two;\n",
        "      - three;\n",
    ]
    assert render_entry("sections", ["I.1(a)", "I.1(d)"], 2) == ["  sections: [I.1(a), I.1(d)]\n"]


def test_kept_allows_additions_and_named_removals_only():
    old = ["a\n", "b\n", "c\n"]
    assert kept(old, ["a\n", "x\n", "b\n", "c\n"])
    assert not kept(old, ["a\n", "c\n"])
    assert kept(old, ["a\n", "c\n"], {1})
    assert not kept(old, ["a\n", "B\n", "c\n"])
    assert not kept(old, ["b\n", "a\n", "c\n"])
    assert kept(["a\n", "b"], ["a\n", "b\n", "c\n"])  # a last line may gain its line break


@pytest.mark.parametrize(
    "splices",
    [
        [Splice(4, 5, ("five\n",)), Splice(9, 9, ("x\n",))],
        [Splice(0, 0, ("top\n",)), Splice(20, 20, ("end\n",))],
        [Splice(3, 6, ())],
        [Splice(10, 10, ("a\n", "b\n")), Splice(17, 19, ("c\n",))],
        [Splice(0, 1, ("one\n",))],
    ],
    ids=str,
)
def test_diff_from_splices_is_what_diff_u_prints(splices):
    """The diff built from the splices equals difflib's (diff -u's) for the same change."""
    import difflib

    old = [f"k{n}: {n}\n" for n in range(1, 21)]
    new = Document("".join(old), "f").apply(splices)
    expected = "".join(difflib.unified_diff(old, new, "f.yaml", "f.yaml"))
    assert unified_diff("f.yaml", old, splices) == expected


FILE = """\
id: KHM-1
# the log
communications:
  - date: 2026-01
    direction: to
    party: authorities
  # after the first entry
  - date: 2026-03
    direction: from
    party: authorities

status:
  state: active
"""


def test_insert_item_in_the_middle_goes_above_the_next_item_and_its_comment():
    doc = Document(FILE, "f")
    splice = doc.insert_item(("communications",), 1, {"date": date_value(PartialDate(2026, 2)), "x": 1})
    new = "".join(doc.apply([splice]))
    assert new == FILE.replace(
        "  # after the first entry\n", "  - date: 2026-02\n    x: 1\n  # after the first entry\n"
    )


def test_insert_item_at_the_end_keeps_the_blank_line_after_the_list():
    doc = Document(FILE, "f")
    new = "".join(doc.apply([doc.insert_item(("communications",), 2, {"a": "b"})]))
    assert new == FILE.replace("    party: authorities\n\n", "    party: authorities\n  - a: b\n\n")


def test_missing_list_is_added_in_its_place_set_off_by_a_blank_line():
    doc = Document(FILE, "f")
    new = "".join(doc.apply([doc.insert_item(("decisions",), 0, {"session": "committee-1"})]))
    assert new == FILE.replace("\nstatus:", "\ndecisions:\n  - session: committee-1\n\nstatus:")
    doc = Document("id: KHM-1\nconfidentiality: public", "f")  # no final line break, and it stays so
    new = doc.text_of(doc.apply([doc.insert_item(("events",), 0, {"a": "x"})]))
    assert new == "id: KHM-1\nevents:\n  - a: x\n\nconfidentiality: public"


def test_missing_list_of_ids_is_one_line_below_the_field_before_it():
    text = "id: KHM-1\nmandate: former  # or sitting\n# party: unknown\n\n# what happened\nviolations: []\n"
    doc = Document(text, "f")
    new = doc.text_of(doc.apply([doc.insert_item(("collectives",), 0, "KHM-COLL-03")]))
    assert new == text.replace("sitting\n", "sitting\ncollectives: [KHM-COLL-03]\n")


def test_missing_list_follows_the_files_indentation_and_line_endings():
    text = "id: KHM-1\r\nevents:\r\n- a: 1\r\nstatus: {}\r\n"
    doc = Document(text, "f")
    new = doc.text_of(doc.apply([doc.insert_item(("decisions",), 0, {"session": "committee-1"})]))
    assert new == text.replace("status:", "decisions:\r\n- session: committee-1\r\n\r\nstatus:")


def test_flow_lists_empty_and_not():
    doc = Document("events: []  # none yet\nstatus: {state: active}\n", "f")
    new = "".join(doc.apply([doc.insert_item(("events",), 0, {"a": 1})]))
    assert new == "events:  # none yet\n  - a: 1\nstatus: {state: active}\n"
    doc = Document("events: [{a: 1}]  # one\n", "f")
    splice = doc.insert_item(("events",), 1, {"a": 2, "b": "yes"})
    assert splice == Splice(0, 1, ("events: [{a: 1}, {a: 2, b: 'yes'}]  # one\n",))
    assert doc.apply([doc.insert_item(("events",), 0, {"a": 0})]) == ["events: [{a: 0}, {a: 1}]  # one\n"]
    doc = Document("tags: []\nnames: [\n  a,\n  b\n]\n", "f")
    assert doc.apply([doc.insert_item(("tags",), 0, "x, y")])[0] == "tags: ['x, y']\n"
    assert doc.apply([doc.insert_item(("names",), 2, "c")])[3] == "  b, c\n"


def test_a_file_that_is_one_flow_mapping_is_refused():
    with pytest.raises(
        EditError, match=r"^the file is written as one flow mapping \(\{...\}\); add the entry by hand$"
    ):
        Document("{id: KHM-1, events: []}\n", "cases/KHM/KHM-1.yaml")


def test_unreadable_file_is_refused_with_its_position():
    with pytest.raises(EditError, match=r"cannot edit f:2:1: duplicate key 'id'"):
        Document("id: a\nid: b\n", "f")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("events:\nstatus: {}\n", "events:\n  - a: 1\nstatus: {}\n"),
        ("events: ~  # none\nstatus: {}\n", "events:  # none\n  - a: 1\nstatus: {}\n"),
        ("events: []\n", "events:\n  - a: 1\n"),
    ],
    ids=["empty", "null", "flow"],
)
def test_an_empty_list_of_any_spelling_becomes_a_block(text, expected):
    doc = Document(text, "f")
    new = "".join(doc.apply([doc.insert_item(("events",), 0, {"a": 1})]))
    assert new == expected
    assert load_text(new, "f").data["events"] == [{"a": 1}]


def test_a_kept_block_scalar_keeps_its_trailing_lines():
    text = "notes:\n  - text: |+\n      kept\n\n\nstatus: {}\n"
    doc = Document(text, "f")
    new = "".join(doc.apply([doc.insert_item(("notes",), 1, {"text": "two"})]))
    assert load_text(new, "f").data["notes"] == [{"text": "kept\n\n\n"}, {"text": "two"}]


def test_file_order_names_every_top_level_field_of_a_case_file():
    """FILE_ORDER is the one order of top-level fields: a field added to a model must be placed in it."""
    from ipu_cli.domain.cases import CollectiveCase, IndividualCase
    from ipu_cli.store.textedit import FILE_ORDER

    assert set(IndividualCase.model_fields) | set(CollectiveCase.model_fields) == set(FILE_ORDER)


BLOCK_TEXTS = [
    # (text, as written in block context, as written where it may stand in a flow list)
    ("Released, charges dropped", "Released, charges dropped", "'Released, charges dropped'"),
    ("Notes [again] {sic}", "Notes [again] {sic}", "'Notes [again] {sic}'"),
    ("I.1(a)", "I.1(a)", "I.1(a)"),
    ("x,", "x,", "'x,'"),
    ("[list]", "'[list]'", "'[list]'"),
    (",comma", "',comma'", "',comma'"),
    ("a: b, c", "'a: b, c'", "'a: b, c'"),
    ("yes, sir", "yes, sir", "'yes, sir'"),
    ("Yes", "'Yes'", "'Yes'"),
    ("two\nlines", '"two\\nlines"', '"two\\nlines"'),
]


@pytest.mark.parametrize(("text", "block", "flow"), BLOCK_TEXTS, ids=[t[0] for t in BLOCK_TEXTS])
def test_block_context_keeps_commas_and_brackets_plain(text, block, flow):
    assert (scalar(text, flow=False), scalar(text)) == (block, flow)
    loaded = load_text(f"key: {block}\nlist:\n  - {block}\nflow: [{flow}]\n", "x")
    assert loaded.data == {"key": text, "list": [text], "flow": [text]}
