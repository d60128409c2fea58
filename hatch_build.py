"""Hatchling build hook: put the parser, already built, into the wheel.

Building the LALR parser and the fast path from grammar/perfmetrics.lark takes a noticeable time
at run time (and much longer when Lark finds the optional package interegular and checks every
pair of terminals). This hook builds them once, at wheel build time, with Lark's checks, through
the very function the package uses (perfmetrics.values.lark_build.serialized_bundle), and adds the
result to the wheel as perfmetrics/grammar/parser.pickle, tagged with the hash of the grammar it
was built from. Nothing is ever written into the installed package at run time; editable installs
and sdists get no file (the package builds in memory when the file is absent or stale).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ParserBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Serialize the parser into the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Build the parser and have hatchling add it to the wheel."""
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)  # the source tree being built, not an installed copy
        try:
            from perfmetrics.values import lark_build
        finally:
            sys.path.remove(self.root)
        self._folder = Path(tempfile.mkdtemp(prefix="perfmetrics-parser-"))
        built = self._folder / lark_build.BUNDLE_NAME
        built.write_bytes(lark_build.serialized_bundle())
        target = f"perfmetrics/grammar/{lark_build.BUNDLE_NAME}"
        build_data["force_include"][str(built)] = target

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder of the serialized parser."""
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
