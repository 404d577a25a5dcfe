"""The rules for a resource's address (generator/kb/urls.py, check_url): what CONTRIBUTING
promises to turn down is turned down, with the fix in the message, and no host that a
browser reads as a private address passes as a public name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.kb.urls import check_url

from helpers import Result


@pytest.mark.parametrize(
    ("url", "message"),
    [
        # Hosts a browser reads as 127.0.0.1 (WHATWG URL: hex, octal, short forms, compatibility digits)
        ("https://0x7f.0.0.1/", "browsers read as the address 127.0.0.1"),
        ("https://0x7f.1/", "browsers read as the address 127.0.0.1"),
        ("https://0177.0.0.1/", "browsers read as the address 127.0.0.1"),
        ("https://2130706433/", "browsers read as the address 127.0.0.1"),
        ("https://0x7F000001/", "browsers read as the address 127.0.0.1"),
        ("https://\u2460\u2461\u2466.0.0.1/", "private or reserved address 127.0.0.1"),
        ("https://127\u30020\u30020\u30021/", "private or reserved address 127.0.0.1"),
        ("https://10.1/", "browsers read as the address 10.0.0.1"),
        ("https://08.1.2.3/", "use the site's public host name"),
        ("https://[::1]/", "private or reserved address ::1"),
        # Tracking parameters, with the address to use instead
        (
            "https://example.org/page?utm_source=news&utm_medium=x",
            "tracking parameters `utm_source`, `utm_medium`; remove them: `https://example.org/page`",
        ),
        ("https://example.org/page?id=3&fbclid=abc", "tracking parameter `fbclid`; remove it: `https://example.org/page?id=3`"),
        ("https://example.org/book?ref=homepage", "tracking parameter `ref`"),
        ("https://example.org/book?UTM_Campaign=x", "tracking parameter `UTM_Campaign`"),
        # Link shorteners
        ("https://bit.ly/3xyz", "link shortener `bit.ly`"),
        ("https://www.bit.ly/3xyz", "link shortener `www.bit.ly`"),
        ("https://tinyurl.com/abc", "link shortener `tinyurl.com`"),
        ("https://youtu.be/HZGCoVF3YvM?si=abc", "use `https://www.youtube.com/watch?v=HZGCoVF3YvM`"),
    ],
)
def test_refused_addresses_say_why_and_what_to_use(url: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_url(url)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://8.8.8.8/",
        "https://[2001:4860:4860::8888]/",
        "https://www.youtube.com/watch?v=HZGCoVF3YvM",
        "https://www.youtube.com/playlist?list=PLZHQObOWTQDMsr9K-rj53DwVRMYO3t5Yr",
        "https://example.org/search?q=ref&page=2",  # `ref` as a value, not a parameter
        "https://example.org/book?reference=3",
        "https://1x.example.org/",
        "https://example.org/2130706433",
    ],
)
def test_public_addresses_pass(url: str) -> None:
    assert check_url(url) == url


def test_a_duplicate_differing_only_by_a_tracking_parameter_is_refused(mini_root: Path, run: Callable[..., Result]) -> None:
    book = (mini_root / "resources" / "la-book.yml").read_text(encoding="utf-8")
    copy = book.replace("https://example.org/la-book/", "https://example.org/la-book/?utm_source=x")
    (mini_root / "resources" / "la-book-2.yml").write_text(copy, encoding="utf-8")
    result = run("validate", "--root", mini_root)
    assert result.code == 1
    assert "resources/la-book-2.yml:3:6: " in result.err and "tracking parameter `utm_source`" in result.err
