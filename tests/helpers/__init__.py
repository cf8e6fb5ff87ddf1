"""Helpers shared by several test folders (tests/ is on sys.path through its conftest)."""


def raw(store):
    """The store's own sqlite-utils database, for a test that writes behind the application's
    back (an attacker with the file, a damaged row) or reads what the application never shows.

    The application itself never touches it: the connection is private to ``booth_pos.store``.
    """
    return store._db


def old_file(folder, name: str):
    """A copy in ``folder`` of a database written by an older Booth POS (``data/NAME``).

    The files are real: ``v3_sales.sqlite`` (2 days of 10 demo sales) and
    ``v3_corrections.sqlite`` (a crew, 3 sales, a void and 3 refunds) were written by the
    program at schema 3, before the journal existed, and are never regenerated.
    """
    import shutil
    from pathlib import Path

    dest = Path(folder) / name
    shutil.copyfile(Path(__file__).parent / "data" / name, dest)
    return dest
