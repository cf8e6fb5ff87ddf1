"""The demo stand sells only what is on its shelf: artisans bring more, nothing oversells."""

from __future__ import annotations

from booth_pos.model import NoteKind
from booth_pos.services import demo, journal, reports, stock


def test_the_demo_never_oversells_and_restocks_by_intake(demo_store):
    """Five busy days: no product ever needs a count, none goes below zero, the goods that
    ran low came in on intake notes, and the ledger's stock is each product's stock."""
    demo.simulate(demo_store, 5, 150, seed=7)
    rows = stock.ledger(demo_store)
    assert not any(r.needs_count for r in rows)
    assert min(r.on_hand for r in rows) >= 0
    by_sku = {p.sku: p.stock for p in demo_store.products.all()}
    assert {r.sku: r.on_hand for r in rows} == by_sku
    intakes = demo_store.stock.notes(kind=NoteKind.INTAKE)
    assert intakes, "five days of 150 sales run some products low"
    assert all(n.artisan_code and n.lines and all(ln.qty > 0 for ln in n.lines) for n in intakes)
    event = reports.event_report(demo_store)
    assert sum(r.sold for r in rows) == event.items  # every unit sold left the ledger
    assert journal.verify(demo_store).ok
