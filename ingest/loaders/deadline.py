"""A time budget for reading one file, checked between pages, so a pathological file cannot hold the index."""

from __future__ import annotations

import time

from ingest.errors import UnreadableFileError


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise UnreadableFileError(
                f"Das Auslesen der Datei dauert länger als {self.seconds:.0f} s und wurde abgebrochen "
                "(einstellbar über max_seconds_per_file)."
            )
