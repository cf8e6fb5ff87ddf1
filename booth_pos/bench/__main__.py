"""``python -m booth_pos.bench``: the benchmark suite."""

from booth_pos.bench.suite import main

raise SystemExit(main())
