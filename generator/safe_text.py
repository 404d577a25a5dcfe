"""Text from YAML, file names and servers, made safe for where it is printed.

One home for "show this string on a terminal, in a CI log or in a Markdown summary without
letting it act": control characters (C0, DEL, C1), the line and paragraph separators, and
the bidirectional marks, overrides and isolates that can make a terminal or a page show text
in another order than it is, are written as visible escapes (`\\x1b`, `\\u202e`), so a
value never moves the cursor, changes colours, sets a window title, rings the bell, starts a
new line, or reorders what follows it. Everything else (letters of every script, emoji,
spaces) is shown as it is.
"""

from __future__ import annotations

import re

# C0 and C1 controls, line and paragraph separators, and the bidirectional overrides and
# isolates that can make a terminal or a page show text in another order than it is.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same less C0, which json always escapes (and whose newlines and spaces lay a JSON text out).
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control characters written as visible escapes (`\\x1b`, `\\u202e`): one
    line, safe to print on a terminal or into a CI log."""
    return _CONTROLS.sub(lambda m: _escape(m.group()), text)


def printable_lines(text: str) -> str:
    """`text` escaped as `printable` does line by line, its line breaks kept: for messages
    that quote several lines of another program's output (a build log, a YAML error)."""
    return "\n".join(printable(line) for line in text.split("\n"))


def json_printable(document: str) -> str:
    """A JSON text (from json.dumps) with the control characters json leaves raw (DEL, C1,
    separators, bidi marks) written as `\\uXXXX` escapes too: the same data, safe to print on
    a terminal. These characters can only occur inside strings, where the escape means them."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def _workflow_escaped(text: str) -> str:
    # GitHub's own escapes first (they are what the runner decodes), then every other
    # control character made visible: the runner would pass it on raw.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def workflow_data(text: str) -> str:
    """The message of a GitHub Actions workflow command (`::error file=...::message`), escaped
    as GitHub documents (`%`, CR and LF as `%25`, `%0D`, `%0A`), so it can end the command
    nowhere and start no other; control characters are written as visible escapes."""
    return _workflow_escaped(text)


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=`, `title=`): escaped as the data, and
    `:` and `,` as `%3A` and `%2C`, so a file name can add no property and end none early."""
    return _workflow_escaped(text).replace(":", "%3A").replace(",", "%2C")


# -- Markdown (job summaries, issues) -------------------------------------------------


def _md_one_line(text: str) -> str:
    return printable(text.replace("\r\n", " ").replace("\n", " ")).strip()


# Markdown's punctuation that could start markup inside a table cell: emphasis, code, links
# and images, raw HTML and autolinks, entities, strikethrough, and the cell separator.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&!])")


def md_text(text: str) -> str:
    """Escaped Markdown text for a table cell: shows exactly `text`, starts no markup,
    mentions nobody (`@\u200b`) and links no issue (`#\u200b1`)."""
    text = _MARKUP.sub(r"\\\1", _md_one_line(text))
    return re.sub(r"#(?=\d)", "#\u200b", text.replace("@", "@\u200b"))


def md_code(text: str) -> str:
    """An inline code span for a table cell, whatever `text` holds.

    The fence is one backtick longer than the longest run inside, padded with a space when
    the text starts or ends with a backtick. GFM splits table rows on every `|` not escaped
    by a backslash, code spans included, so each `|` gets one (and a backslash already in
    front of it another, lest it escape ours): `a\\|b` would otherwise end the cell."""
    text = _md_one_line(text)
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    text = re.sub(r"(\\*)\|", lambda m: m.group(1) * 2 + "\\|", text)
    return f"{fence}{pad}{text}{pad}{fence}"
