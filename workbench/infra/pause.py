"""A test hook that stops the process at a named point, so a durability test can SIGKILL it exactly there.

`WORKBENCH_TEST_PAUSE=import-before-commit workbench import ...` writes "workbench: paused at
import-before-commit" to standard error and sleeps; the test waits for that line, kills the process and
checks that the store and the output folder are as they were. Unset (always, outside tests) it does nothing.
The points are listed here so that a test cannot name one that the code never reaches.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "WORKBENCH_TEST_PAUSE"
POINTS = (
    "import-before-commit",  # store/repository.py: every row of the import added, the transaction still open
    "restore-before-commit",  # store/dump.py: the old rows deleted and the backup's inserted, not committed
    "write-before-rename",  # safe_write.py: the new file written and synced, not yet given its name
)


def pause_point(name: str) -> None:
    assert name in POINTS, name
    if os.environ.get(ENV) == name:
        print(f"workbench: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(3600)
