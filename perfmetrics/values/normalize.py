r"""Clean a raw value before lexing, keeping a map back to the caller's offsets.

Two stages:

- :func:`normalize` folds characters one for one (full-width ASCII, dashes, comparator look-alikes,
  odd spaces, traditional characters to simplified, Kangxi radicals and compatibility ideographs to
  the unified ideograph); its result has
  the length of its input. NFKC is deliberately not used on the whole text: it would turn ㎡ into
  two characters.
- :func:`clean` then removes what text extraction inserts inside numbers and words: invisible and
  format characters (zero-width spaces, bidi marks, soft hyphens), combining marks, whitespace
  between two Han characters (a PDF cell that wraps mid-word: ``不 低 于``, ``百\n分比``), a
  mirror's pinyin reading after a character (``60萬(wàn)度``), brackets around a unit after a
  number (``90（分）``) and a bracket or quote pair around the whole cell (``“≥90%”``). It
  returns the cleaned text with, for each of its characters, the offset of that character in the
  caller's text, so errors and spans still point into what the caller wrote.
"""

from __future__ import annotations

import functools
import unicodedata

import regex
from attrs import frozen

from perfmetrics.vocabulary import traditional_table
from perfmetrics.vocabulary.grammar import unit_words, word_pattern

__all__ = ["Cleaned", "clean", "normalize", "visible"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII ！-～ (U+FF01..U+FF5E) to ASCII: ＞＝％０-９／（）， and full-width letters.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    # Every kind of visible space to a plain space (ideographic, no-break, thin …).
    for char in "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a":
        table[ord(char)] = " "
    for char in "\u202f\u205f\r\f\v\x1c\x1d\x1e\x1f\x85\u2028\u2029":
        table[ord(char)] = " "
    # Every other character Python strips as whitespace (U+1680 OGHAM SPACE MARK …): the grammar
    # must see the same spaces that str.split() and str.strip() do.
    for code in range(0x3100):
        if chr(code).isspace() and chr(code) not in " \t\n" and code not in table:
            table[code] = " "
    # Comparator look-alikes.
    for char, target in {
        "≧": "≥",
        "⩾": "≥",
        "≦": "≤",
        "⩽": "≤",
        "﹥": ">",
        "﹤": "<",
        "﹦": "=",
    }.items():
        table[ord(char)] = target
    # Dashes, tildes and middle dots used as separators.
    for char in "—–―‒‐‑−﹣─━":
        table[ord(char)] = "-"
    for char in "〜∼":
        table[ord(char)] = "~"
    for char in "•・‧∙⋅":
        table[ord(char)] = "·"
    table[ord("﹪")] = "%"
    # Traditional characters to simplified (萬元 = 万元, 數量指標 = 数量指标), one for one.
    for traditional, simplified in traditional_table().items():
        table[ord(traditional)] = simplified
    # Kangxi radicals, CJK radical supplements and compatibility ideographs that Unicode maps to
    # one unified ideograph: PDF text extraction emits ⼈ (U+2F08) for 人 and ⽉ (U+2F49) for 月.
    for block in (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00), range(0x2F800, 0x2FA20)):
        for code in block:
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    # One pass of str.translate must reach the end of a chain: a compatibility ideograph folds to
    # a traditional character, which folds on to the simplified one (U+F927 → 蠟 → 蜡).
    for code, target in table.items():
        for _ in range(3):  # chains are short; a bound keeps a cycle from looping
            target = table.get(ord(target), target)
        table[code] = target
    return table


_TABLE = _build_table()

#: Characters removed wherever they stand: format characters (zero-width spaces and joiners, bidi
#: marks and controls, soft hyphen, invisible operators, BOM) and combining marks.
_INVISIBLE = r"\p{Cf}\p{Mn}\p{Me}"
#: Whitespace with a Han character on both sides (invisible characters around it go too).
#: Invisible characters may stand among the spaces (`万\u2064 \n\u2063 元`).
_HAN_GAP = (
    r"(?<=\p{Han}[" + _INVISIBLE + r"]*)[\s" + _INVISIBLE + r"]*?\s[\s" + _INVISIBLE + r"]*"
    r"(?=\p{Han})"
)
#: A pinyin reading in brackets right after a Han character: mirrors of budget pages annotate
#: characters with ruby text (`60萬(wàn)度`, `不超預(yù)算`). Only a syllable with a tone mark
#: (or ü) counts, so that letters in brackets (`5(kg)`, `M(兆)`) are never taken for one.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = (
    rf"(?<=\p{{Han}}[{_INVISIBLE}]*)\([a-z{_INVISIBLE}{_TONED}]*[{_TONED}\p{{Mn}}]"
    rf"[a-z{_INVISIBLE}{_TONED}]*\)"
)
_REMOVED = regex.compile(f"[{_INVISIBLE}]+|{_HAN_GAP}")


@functools.cache
def _removed_with_brackets() -> regex.Pattern[str]:
    """Return ``_REMOVED`` and what only a text with a bracket can hold (compiled when needed).

    Besides pinyin readings: the brackets around a unit right after a number (`90（分）`,
    `50(万元)`), since the unit is the value's.
    """
    unit = word_pattern(unit_words())
    # Only right after the digit: with a space between, `95 (分)` is how a note is written back.
    brackets = rf"(?<=[0-9])\((?=\s*{unit}\s*\))|(?<=[0-9]\(\s*{unit}\s*)\)"
    return regex.compile(f"{_PINYIN}|[{_INVISIBLE}]+|{_HAN_GAP}|{brackets}")


_INVISIBLE_RUN = regex.compile(f"[{_INVISIBLE}]+")


def normalize(text: str) -> str:
    """Fold width variants, dashes, odd spaces and radicals; the result has the same length.

    >>> normalize("＞０．９５　反映")
    '>0.95 反映'
    >>> normalize("2022年1月—2022年11月")
    '2022年1月-2022年11月'
    >>> normalize("≥5⼈"), normalize("28.8萬元"), len(normalize("≧１２㎡")) == len("≧１２㎡")
    ('≥5人', '28.8万元', True)
    """
    return text.translate(_TABLE)


@frozen
class Cleaned:
    """A cleaned text and where each of its characters stood in the original.

    ``offsets`` is ``None`` when nothing was removed (the offsets are the identity); otherwise it
    has one entry per character of ``text`` plus one for the end.
    """

    text: str
    offsets: tuple[int, ...] | None = None

    def original(self, position: int) -> int:
        """Return the offset in the original text of ``position`` in the cleaned text."""
        if self.offsets is None:
            return position
        return self.offsets[max(0, min(position, len(self.offsets) - 1))]


def clean(text: str) -> Cleaned:
    r"""Normalize ``text`` and remove invisible characters and wraps inside words.

    >>> clean("≥8\u200f500 台次/年").text
    '≥8500 台次/年'
    >>> found = clean("不 低 于 95%")
    >>> found.text, found.original(3)
    ('不低于 95%', 5)
    """
    folded = normalize(text)
    removed = _removed_with_brackets() if "(" in folded else _REMOVED
    enclosing = _enclosing(folded) if folded.lstrip()[:1] in _PAIRS else []
    if not enclosing and removed.search(folded) is None:
        return Cleaned(folded)
    spans = [match.span() for match in removed.finditer(folded)] + enclosing
    kept: list[str] = []
    offsets: list[int] = []
    last = 0
    for start, stop in sorted(spans):
        if start < last:
            continue
        kept.append(folded[last:start])
        offsets.extend(range(last, start))
        last = stop
    kept.append(folded[last:])
    offsets.extend(range(last, len(folded)))
    offsets.append(len(folded))
    return Cleaned("".join(kept), tuple(offsets))


#: Brackets and quotes that may enclose a whole cell (`(≥90%)`, `【≥90%】`, `“≥90%”`).
_PAIRS = {"(": ")", "[": "]", "【": "】", "“": "”", '"': '"', "‘": "’", "「": "」", "《": "》"}


def _enclosing(folded: str) -> list[tuple[int, int]]:
    """Return the spans of a bracket or quote pair around the whole text, if there is one."""
    body = folded.strip()
    if len(body) < 3 or _PAIRS.get(body[0]) != body[-1]:
        return []
    inner = body[1:-1]
    if body[0] in inner or body[-1] in inner:
        return []  # `(1)…(2)`: not one pair around everything
    first = folded.index(body[0])
    last = first + len(body) - 1
    return [(first, first + 1), (last, last + 1)]


def visible(text: str) -> str:
    """Normalize ``text`` and drop invisible characters, keeping every space (for notes).

    >>> visible("启动 按\u200b时")
    '启动 按时'
    """
    return _INVISIBLE_RUN.sub("", normalize(text))
