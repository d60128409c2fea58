"""Length-preserving cleanup of a raw value before lexing.

Each character maps to exactly one character, so every offset into the normalized text is an
offset into the caller's text too (error carets stay right). NFKC is deliberately not used: it
would turn ㎡ into two characters and shift every position after it.
"""

from __future__ import annotations

__all__ = ["normalize"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII ！-～ (U+FF01..U+FF5E) to ASCII: ＞＝％０-９／（）， and full-width letters.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    # Every kind of space to a plain space (ideographic, no-break, thin, zero-width …).
    for char in (
        "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u200b\u200c\u200d\u2060\ufeff\r\f\v"
    ):
        table[ord(char)] = " "
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
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Fold width variants, dashes and odd spaces; the result has the same length as ``text``.

    >>> normalize("＞０．９５　反映")
    '>0.95 反映'
    >>> normalize("2022年1月—2022年11月")
    '2022年1月-2022年11月'
    >>> len(normalize("≧１２㎡")) == len("≧１２㎡")
    True
    """
    return text.translate(_TABLE)
