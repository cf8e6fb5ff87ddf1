"""The desktop bundle's entry point (PyInstaller needs a script): the same ``booth-pos``
command as the installed one; with no command it opens the till."""

from booth_pos.cli import main

raise SystemExit(main())
