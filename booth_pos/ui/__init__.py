"""PySide6 widgets. The only package (with ``app``) that imports Qt."""
