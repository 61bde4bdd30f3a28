"""`python -m generator` is the same as the `vb` command."""

from generator.cli import main

raise SystemExit(main())
