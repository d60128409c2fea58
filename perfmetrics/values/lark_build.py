"""Build, serialize and load the Lark LALR parser of grammar/perfmetrics.lark.

Building the parser from the grammar costs a tenth of a second, and Lark then checks every pair of
terminals for collisions whenever the optional package interegular is installed (tens of seconds
on the vocabulary's word tries). So a wheel ships the parser already built: the build hook
(hatch_build.py) calls :func:`serialized_bundle` and writes its bytes into the wheel at
``perfmetrics/grammar/parser.pickle``. At run time :func:`value_parser` loads that file when its
recorded :func:`grammar_hash` matches the grammar it would build, and otherwise (an editable
install, a checkout, an edited grammar) builds in memory without the collision check, which the
build hook and tests/test_grammar.py run instead. Nothing is written into the installed package.

``PERFMETRICS_CACHE_DIR``, when set to a directory, keeps the in-memory build there as
``parser-<hash>.pickle`` for the next process (useful in checkouts); the file name carries the
grammar hash, so an edited grammar never loads a stale parser.
"""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.lexer import ContextualLexer

from perfmetrics.values.fastpath_spec import derive_spec
from perfmetrics.values.transformer import ValueTransformer
from perfmetrics.vocabulary.grammar import import_loader

__all__ = [
    "BUNDLE_NAME",
    "START_SYMBOLS",
    "build",
    "fastpath_spec",
    "grammar_hash",
    "grammar_text",
    "parser_source",
    "serialized_bundle",
    "tree_parser",
    "value_parser",
]

_GRAMMAR_NAME = "perfmetrics.lark"
#: File name of the serialized parser inside the wheel, beside the grammar.
BUNDLE_NAME = "parser.pickle"
#: Bumped whenever the layout of the serialized bundle changes.
_FORMAT = 1
#: The grammar's start symbols: ``start`` reads a value with notes around it, ``strict`` a bare one.
START_SYMBOLS = ("start", "strict")
#: Where ``%import`` finds grammar modules that are not Lark's own (the vocabulary's word lists).
IMPORT_PATHS = [import_loader]
#: Options that shape the parse tables; everything else is given when a parser is loaded.
_OPTIONS: dict[str, Any] = {
    "parser": "lalr",
    "lexer": "contextual",
    "start": list(START_SYMBOLS),
    "import_paths": IMPORT_PATHS,
}
#: Options kept out of the serialized parser: objects and callables of this process.
_UNSERIALIZED = frozenset(
    {"transformer", "import_paths", "_plugins", "postlex", "lexer_callbacks", "edit_terminals"}
)
_CACHE_ENV = "PERFMETRICS_CACHE_DIR"


def grammar_text() -> str:
    """Return the text of the grammar: the copy inside the installed package, else the checkout's.

    Wheels carry the grammar at ``perfmetrics/grammar/``; an editable install or a plain checkout
    does not, and reads ``grammar/`` beside the package instead.
    """
    packaged = resources.files("perfmetrics").joinpath("grammar", _GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammar" / _GRAMMAR_NAME
    return checkout.read_text(encoding="utf-8")


#: The package files the bundle is derived from besides the grammar: the vocabulary (its data and
#: the code that turns it into the grammar module ``vocabulary``) and the code deriving the fast
#: path. Their bytes are hashed, not the module text they generate: generating it costs tens of
#: milliseconds, reading them a fraction of one.
_SOURCES = (
    ("perfmetrics.vocabulary", (".tsv", ".py")),
    ("perfmetrics.values", ("lark_build.py", "fastpath_spec.py", "regex_first.py")),
)


def _source_files() -> list[tuple[str, bytes]]:
    found = []
    for package, endings in _SOURCES:
        for item in resources.files(package).iterdir():
            if item.is_file() and item.name.endswith(endings):
                found.append((f"{package}/{item.name}", item.read_bytes()))
    return sorted(found)


_hash_lock = threading.Lock()
_hash: list[str] = []


def grammar_hash() -> str:
    """Return the SHA-256 of everything the bundle is built from.

    That is the grammar text, the files of :data:`_SOURCES` (the vocabulary the grammar imports
    and the fast path's derivation), Lark's version and the build options: a serialized parser is
    used only when all of them match.
    """
    with _hash_lock:
        if not _hash:
            digest = hashlib.sha256()
            options = {key: value for key, value in _OPTIONS.items() if key != "import_paths"}
            for part in (str(_FORMAT), lark.__version__, repr(sorted(options.items()))):
                digest.update(part.encode("utf-8") + b"\0")
            digest.update(grammar_text().encode("utf-8") + b"\0")
            for name, data in _source_files():
                digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
            _hash.append(digest.hexdigest())
        return _hash[0]


class _UncheckedContextualLexer(ContextualLexer):
    """Lark's contextual lexer without its build-time checks of the terminals.

    The checks (each terminal compiles, none is zero-width, and, with interegular installed, no
    two collide) are a property of the grammar, not of the process: the build hook and
    tests/test_grammar.py run them. Lark itself skips them when it loads a serialized parser.
    """

    def __init__(self, conf: Any, states: Any, always_accept: Any = ()) -> None:
        conf = copy.copy(conf)
        conf.skip_validation = True
        super().__init__(conf, states, always_accept=always_accept)


def build(*, checked: bool = False, **options: Any) -> Lark:
    """Build the parser from the grammar text.

    Args:
        checked: also check, as Lark does, that every terminal compiles and matches no empty
            text (the build hook does). Lark's collision scan of every pair of terminals (with
            interegular) is never run here: it takes minutes on the word tries, and is the job of
            tests/test_grammar.py and tests/test_vocabulary.py.
        **options: further Lark options (``transformer``, ``propagate_positions``).

    Raises:
        ValueError: ``checked`` and a terminal does not compile or may match nothing.

    """
    options["_plugins"] = {"ContextualLexer": _UncheckedContextualLexer}
    parser = Lark(grammar_text(), **_OPTIONS, **options)
    if checked:
        for terminal in parser.terminals:
            try:
                re.compile(terminal.pattern.to_regexp())
            except re.error as exc:
                raise ValueError(f"terminal {terminal.name} does not compile: {exc}") from exc
            if terminal.pattern.min_width == 0:
                raise ValueError(f"terminal {terminal.name} may match the empty text")
    return parser


def _derived_spec(parser: Lark) -> dict[str, Any] | None:
    try:
        return derive_spec(parser)
    except ValueError:  # the grammar changed shape: no fast path (tests/test_fastpath.py says so)
        return None


def serialized_bundle(parser: Lark | None = None) -> bytes:
    """Return the bytes of the serialized parser and fast path, tagged with :func:`grammar_hash`.

    Args:
        parser: a parser built by :func:`build` (a checked one is built when omitted).

    """
    parser = parser if parser is not None else build(checked=True)
    data, memo = parser.memo_serialize([lark.lexer.TerminalDef, lark.grammar.Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in _UNSERIALIZED}
    bundle = {
        "format": _FORMAT,
        "hash": grammar_hash(),
        "lark": {"data": data, "memo": memo},
        "fastpath": _derived_spec(parser),
    }
    return pickle.dumps(bundle, protocol=pickle.HIGHEST_PROTOCOL)


def _cache_path() -> Path | None:
    folder = os.environ.get(_CACHE_ENV, "")
    return Path(folder) / f"parser-{grammar_hash()[:32]}.pickle" if folder else None


def _read_bundle() -> dict[str, Any] | None:
    """Return the packaged (else the cached) bundle whose hash matches this grammar, or None."""
    packaged = resources.files("perfmetrics").joinpath("grammar", BUNDLE_NAME)
    cached = _cache_path()
    for source in (packaged, cached):
        if source is None or not source.is_file():
            continue
        try:
            bundle = pickle.loads(source.read_bytes())
        except Exception:  # a truncated or foreign file: build instead
            continue
        if (
            isinstance(bundle, dict)
            and bundle.get("format") == _FORMAT
            and bundle.get("hash") == grammar_hash()
        ):
            bundle["source"] = "packaged" if source is packaged else "cached"
            return bundle
    return None


def _write_cache(parser: Lark) -> None:
    path = _cache_path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        partial.write_bytes(serialized_bundle(parser))
        os.replace(partial, path)
    except OSError:  # a read-only or full disk only costs the next process a build
        pass


_lock = threading.RLock()
_state: dict[str, Any] = {}


def _bundle() -> dict[str, Any] | None:
    with _lock:
        if "bundle" not in _state:
            _state["bundle"] = _read_bundle()
        bundle: dict[str, Any] | None = _state["bundle"]
        return bundle


def parser_source() -> str:
    """Say where this process's parser comes from: ``packaged``, ``cached`` or ``built``."""
    bundle = _bundle()
    return "built" if bundle is None else str(bundle["source"])


def fastpath_spec() -> dict[str, Any] | None:
    """Return the fast path's expressions: stored with the parser, else derived from it.

    ``None`` when the grammar no longer has the shape the fast path reads.
    """
    with _lock:
        if "fastpath" not in _state:
            bundle = _bundle()
            if bundle is not None:
                _state["fastpath"] = bundle["fastpath"]
            else:
                _state["fastpath"] = _derived_spec(value_parser())
        spec: dict[str, Any] | None = _state["fastpath"]
        return spec


def _parser(name: str, **options: Any) -> Lark:
    with _lock:
        if name not in _state:
            bundle = _bundle()
            if bundle is not None:
                _state[name] = Lark.__new__(Lark)._load(bundle["lark"], **options)
            else:
                _state[name] = build(**options)
                if name == "value":
                    _write_cache(_state[name])
        parser: Lark = _state[name]
        return parser


def value_parser() -> Lark:
    """Return the parser that runs the transformer as it parses (no tree is built); one per process.

    Positions come from the tokens themselves, so ``propagate_positions`` is off here: its
    per-rule wrapper cost a third of the parse time (benchmarks/bench_parse.py).
    """
    parser = _state.get("value")
    return parser if parser is not None else _parser("value", transformer=ValueTransformer())


def tree_parser() -> Lark:
    """Return the parser that returns the Lark tree, for inspection and tooling."""
    parser = _state.get("tree")
    return parser if parser is not None else _parser("tree", propagate_positions=True)
