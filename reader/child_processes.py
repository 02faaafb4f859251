"""Helper processes that end with the process that started them: a ``kill -9`` of
``reader index`` takes its analysis workers and Whoosh's sub-writers with it, instead of
leaving them running (reliability review, finding 6)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Called first thing in a child process: have the kernel kill it when its parent dies
    (Linux; elsewhere it ends when it next finds its parent gone), and end now if the
    parent ``parent`` (its process id) died already."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
