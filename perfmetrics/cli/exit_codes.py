"""The exit codes of the command line (``main`` returns one)."""

from __future__ import annotations

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_MET", "EXIT_OK"]

#: Done; every target met (``check``).
EXIT_OK = 0
#: ``check``: at least one target is not met.
EXIT_NOT_MET = 1
#: Bad input: a one-line message on stderr (with the caret display for parse errors).
EXIT_BAD_INPUT = 2
