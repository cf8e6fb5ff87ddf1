"""``python -m booth_pos`` runs the command line."""

from booth_pos.cli import main

raise SystemExit(main())
