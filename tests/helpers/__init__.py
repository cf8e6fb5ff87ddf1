"""Helpers shared by several test folders (tests/ is on sys.path through its conftest)."""


def raw(store):
    """The store's own sqlite-utils database, for a test that writes behind the application's
    back (an attacker with the file, a damaged row) or reads what the application never shows.

    The application itself never touches it: the connection is private to ``booth_pos.store``.
    """
    return store._db
