"""``python -m perfmetrics``: the command line."""

import sys

from perfmetrics.cli import main

sys.exit(main())
