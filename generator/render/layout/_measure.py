"""Text measurement: how wide a label draws, and where it wraps."""

from __future__ import annotations

import functools

# Advance widths in em of a typical UI sans-serif (Roboto, Helvetica, Arial, Segoe are close),
# coarse on purpose: we only need a safe box width, never exact kerning.
_NARROW = frozenset("fijlrtI!.,:;'|()[]{}- /\u2019")
_WIDE = frozenset("mwMW@%")


# Labels are measured again for every drawing they appear in (each topic page draws a chain).
@functools.lru_cache(maxsize=1 << 16)
def text_width(text: str, font_size: float) -> float:
    """Estimated rendered width of `text`, from character classes rather than font metrics."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.3
        elif ch in _WIDE:
            em += 0.86
        elif ch.isupper():
            em += 0.66
        else:
            em += 0.55
    return em * font_size


@functools.lru_cache(maxsize=1 << 16)
def wrap_label(text: str, font_size: float, wrap_width: float) -> tuple[str, ...]:
    """One line if it fits `wrap_width`, else the two-line split with the shortest longer line."""
    text = " ".join(text.split())
    words = text.split(" ")
    if len(words) < 2 or text_width(text, font_size) <= wrap_width:
        return (text,)
    best: tuple[float, int] | None = None
    for i in range(1, len(words)):
        widest = max(text_width(" ".join(words[:i]), font_size), text_width(" ".join(words[i:]), font_size))
        # `<` keeps the earliest best split, so the first line is the shorter one on ties.
        if best is None or widest < best[0]:
            best = (widest, i)
    assert best is not None
    i = best[1]
    return (" ".join(words[:i]), " ".join(words[i:]))
