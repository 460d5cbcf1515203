"""`python -m workbench.cli`: the same command line as the `workbench` script."""

import sys

from workbench.cli.main import main

sys.exit(main())
