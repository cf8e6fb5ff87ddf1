"""Helpers shared by several test folders (tests/ is on sys.path through its conftest)."""
