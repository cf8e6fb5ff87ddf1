"""Ring up sales in a loop until killed; print each receipt number once its commit returned.

Run by ``tests/integration/test_crash.py`` as a child process that gets SIGKILLed at random
moments: a number printed here was on disk by the time it was printed.

    python tests/helpers/ring_up.py DB_PATH
"""

from __future__ import annotations

import sys

from booth_pos.clock import Clock
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import selling
from booth_pos.store import open_store


def main(db_path: str) -> None:
    store = open_store(db_path)
    clock = Clock()
    products = store.products.all()[:7]
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    i = 0
    while True:
        cart = Cart(cashier="Rina")
        cart.add(products[i % len(products)], 1 + i % 3)
        if i % 4 == 0:
            cart.add(products[(i + 3) % len(products)])
        tenders = [Tender(Method.CASH)] if i % 2 else [Tender(Method.QRIS)]
        sale = selling.complete(store, cart, tenders, clock)
        out.write(sale.receipt_no + "\n")  # one write per line: never split by the kill
        out.flush()
        i += 1


if __name__ == "__main__":
    main(sys.argv[1])
