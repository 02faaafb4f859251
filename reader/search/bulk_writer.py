"""Whoosh's multi-process segment writer, with sub-writers that end with the process that
started them (see :mod:`reader.child_processes`)."""

from __future__ import annotations

import os
from typing import Any

from whoosh.multiproc import MultiSegmentWriter, SubWriterTask

from reader.child_processes import die_with_parent


class _SubWriter(SubWriterTask):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.parent = os.getpid()  # the writer's process: this runs before the fork

    def run(self) -> None:
        die_with_parent(self.parent)
        super().run()


class BulkWriter(MultiSegmentWriter):
    """``ix.writer(procs=procs, multisegment=True, **kwargs)``, with :class:`_SubWriter`
    processes."""

    def _new_task(self) -> _SubWriter:
        task = _SubWriter(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task
