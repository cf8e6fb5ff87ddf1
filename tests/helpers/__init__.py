"""Helpers shared by several test folders (tests/ is on sys.path through its conftest)."""


def raw(store):
    """The store's own sqlite-utils database, for a test that writes behind the application's
    back (an attacker with the file, a damaged row) or reads what the application never shows.

    The application itself never touches it: the connection is private to ``booth_pos.store``.
    """
    return store._db


def old_file(folder, name: str):
    """A copy in ``folder`` of a database written by an older Booth POS (``data/NAME``).

    The files are real, written by the program itself and never regenerated:
    ``v2_demo.sqlite`` and ``v4_demo.sqlite`` (1 demo day of 5 sales, by the commits that
    introduced schemas 2 and 4), ``v3_sales.sqlite`` (2 days of 10 demo sales) and
    ``v3_corrections.sqlite`` (a crew, 3 sales, a void and 3 refunds), at schema 3, before
    the journal existed; ``v10_demo.sqlite`` (1 demo day of 6 sales with the single
    reference currency EUR at 17250, by the last commit at schema 10, before the rates of
    the day and the sales' kept references of migration 11).
    """
    import shutil
    from pathlib import Path

    dest = Path(folder) / name
    shutil.copyfile(Path(__file__).parent / "data" / name, dest)
    return dest
