"""verify's fast journal texts are the canonical ones to the byte: a difference would make
every sale of the stand look edited (or hide an edit)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from booth_pos.store import journal as journal_rows
from booth_pos.store.rows import LineRow, PaymentRow, SaleRow

text = st.text()  # every code point: quotes, backslashes, control characters, emoji, RTL
money = st.integers(min_value=-(2**63), max_value=2**63 - 1)
odd = st.one_of(st.none(), st.floats(allow_nan=False), st.booleans(), text, money)


def sales(value=money):
    return st.builds(
        SaleRow, money, text, text, text, money, money, text, text, text, text, value, value, value
    )


def lines(value=money):
    return st.builds(
        LineRow, text, money, text, text, text, text, value, value, value, value, value,
        st.one_of(st.none(), money),
    )  # fmt: skip


def payments(value=money):
    return st.builds(PaymentRow, text, money, text, value, value, text, st.one_of(st.none(), money))


def canonical_text(sale, ls, ps) -> str:
    return journal_rows.canonical(journal_rows.sale_payload(sale, ls, ps), check=False)


@given(sales(), st.lists(lines(), max_size=4), st.lists(payments(), max_size=3))
def test_a_sale_text_is_its_canonical_payload(sale, ls, ps):
    """Whatever the names and numbers, the fast text is the journal's text."""
    assert journal_rows.sale_text(sale, ls, ps) == canonical_text(sale, ls, ps)


@given(sales(odd), st.lists(lines(odd), max_size=3), st.lists(payments(odd), max_size=2))
def test_a_real_or_null_smuggled_into_a_row_is_encoded_as_canonical_would(sale, ls, ps):
    """A REAL, NULL or text in a money column: the same text as the long way, so it differs
    from the journal's exactly when the long way would."""
    assert journal_rows.sale_text(sale, ls, ps) == canonical_text(sale, ls, ps)


@given(sales(), st.lists(lines(), max_size=3), st.lists(payments(), max_size=2))
def test_a_sale_entry_tells_its_day_and_total_without_parsing(sale, ls, ps):
    """The day and total read from the text are the ones JSON reads."""
    payload = canonical_text(sale, ls, ps)
    data = json.loads(payload)
    assert journal_rows.sale_facts(payload) == (data["day"], data["total"])


def test_a_text_of_another_shape_has_no_quick_facts():
    """Anything but the canonical shape is left to the long way (and its error)."""
    assert journal_rows.sale_facts('{"day":1}') is None
    assert journal_rows.sale_facts('{"at":"x","day":1_0,"total":5}') is None
    assert journal_rows.sale_facts('{"at":"x","day":1,"total":" 5"}') is None


@given(money, text, text, text, text, text)
def test_an_entry_hash_is_the_hash_of_its_canonical_head(seq, kind, ref, at, prev, payload):
    """The spelled-out head hashes exactly as the canonical list does."""
    import hashlib

    head = journal_rows.canonical(
        [journal_rows.FORMAT, "journal", seq, kind, ref, at, prev], check=False
    )
    want = hashlib.sha256(f"{head}\n{payload}".encode("utf-8", "surrogatepass")).hexdigest()
    try:
        got = journal_rows.entry_hash(journal_rows.JOURNAL, seq, kind, ref, at, prev, payload)
    except UnicodeEncodeError:  # a lone surrogate: no SQLite text holds one
        return
    assert got == want
