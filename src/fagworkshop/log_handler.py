"""The logging handler (logghåndtering) that writes the package's records to the log file.

Its own module, so that ``logfile`` imports ``logging`` only once a module asks for a
logger (``logfile.logger``); the lines are ``logfile``'s, written by its one writer.
"""

from __future__ import annotations

import logging

from fagworkshop import logfile


class FileRecords(logging.Handler):
    """Each record of the package's loggers as one line of the log file (its message
    only: an exception's text is never written, it may quote a name)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            logfile.write(record.created, record.levelname, record.name, record.getMessage())
        except Exception:  # noqa: BLE001 - as logging's own handlers: report, never raise
            self.handleError(record)
