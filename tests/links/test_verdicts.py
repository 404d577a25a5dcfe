"""The rules, table by table: status codes, bot walls, bounded decoding, --accept, Retry-After."""

from __future__ import annotations

import email.utils
import zlib

import pytest

from generator.links import Verdict, parse_accept
from generator.links._failures import parse_retry_after
from generator.links._verdicts import bot_wall, classify_status, decode_sample


@pytest.mark.parametrize(
    ("status", "verdict", "reason"),
    [
        (200, Verdict.OK, None),
        (203, Verdict.OK, None),
        (204, Verdict.OK, None),
        (206, Verdict.OK, None),
        (299, Verdict.OK, None),
        (404, Verdict.BROKEN, "not-found"),
        (410, Verdict.BROKEN, "gone"),
        (401, Verdict.INDETERMINATE, "blocked"),
        (403, Verdict.INDETERMINATE, "blocked"),
        (451, Verdict.INDETERMINATE, "blocked"),
        (999, Verdict.INDETERMINATE, "blocked"),
        (400, Verdict.INDETERMINATE, "blocked"),
        (429, Verdict.INDETERMINATE, "rate-limited"),
        (500, Verdict.INDETERMINATE, "server-error"),
        (503, Verdict.INDETERMINATE, "server-error"),
        (599, Verdict.INDETERMINATE, "server-error"),
        (300, Verdict.INDETERMINATE, "protocol"),
        (799, Verdict.INDETERMINATE, "protocol"),
        (100, Verdict.INDETERMINATE, "protocol"),
    ],
)
def test_classify_status(status: int, verdict: Verdict, reason: str | None) -> None:
    outcome = classify_status(status, {}, b"", frozenset())
    assert (outcome.verdict, outcome.reason) == (verdict, reason)


def test_accept_overrides_the_class() -> None:
    assert classify_status(404, {}, b"", frozenset({404})).verdict is Verdict.OK


def test_bot_wall_beats_server_error() -> None:
    outcome = classify_status(503, {"server": "cloudflare"}, b"<title>Just a moment...</title>", frozenset())
    assert outcome.reason == "blocked"
    assert "Cloudflare" in outcome.detail


@pytest.mark.parametrize(
    ("headers", "body", "vendor"),
    [
        ({"cf-mitigated": "challenge"}, b"", "Cloudflare challenge"),
        ({}, b"<script src='/cdn-cgi/challenge-platform/x.js'>", "Cloudflare challenge"),
        ({}, b"<title>Attention Required! | Cloudflare</title>", "Cloudflare"),
        ({"x-datadome": "protected"}, b"", "DataDome"),
        ({}, b"<script src='https://ct.captcha-delivery.com/c.js'>", "DataDome"),
        ({"server": "AkamaiGHost"}, b"<H1>Access Denied</H1>", "Akamai"),
        ({"server": "nginx"}, b"<h1>Forbidden</h1>", None),
        ({"server": "cloudflare"}, b"<h1>Origin is down</h1>", None),  # Cloudflare in front is not a wall
    ],
)
def test_bot_wall(headers: dict[str, str], body: bytes, vendor: str | None) -> None:
    assert bot_wall(headers, body) == vendor


def test_gzip_bomb_inflates_no_further_than_the_cap() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(b"<title>Just a moment...</title>" + bytes(16 << 20)) + packer.flush()
    sample = decode_sample(bomb, "gzip", 4096)
    assert len(sample) == 4096
    assert sample.startswith(b"<title>Just a moment")


@pytest.mark.parametrize("wbits", [15, -15])  # zlib-wrapped and raw deflate both occur in the wild
def test_deflate_either_way(wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    assert decode_sample(packer.compress(b"hello") + packer.flush(), "deflate", 100) == b"hello"


def test_undecodable_encodings_give_nothing() -> None:
    assert decode_sample(b"\x8b\x00garbage", "br", 100) == b""
    assert decode_sample(b"not gzip", "gzip", 100) == b""


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("403", {403}),
        ("200,204, 403", {200, 204, 403}),
        ("200..=204", {200, 201, 202, 203, 204}),
        ("200..204", {200, 201, 202, 203}),
        ("200-202", {200, 201, 202}),
        ("..=101", {100, 101}),
        ("998..", {998, 999}),  # open-ended: up to 999
    ],
)
def test_parse_accept(text: str, codes: set[int]) -> None:
    assert parse_accept(text) == codes


@pytest.mark.parametrize("text", ["", "abc", "20", "1000", "300..200", "200..=", ",", "200;204"])
def test_parse_accept_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_accept(text)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0),
        ("120", 120.0),
        (" 7 ", 7.0),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        ("", None),
        (None, None),
        ("Wed, 21 Oct 2015 07:28:00", None),  # no zone: not an HTTP date
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=1_000_000.0) == seconds


def test_parse_retry_after_http_date() -> None:
    now = 1_800_000_000.0
    assert parse_retry_after(email.utils.formatdate(now + 30, usegmt=True), now) == pytest.approx(30, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now) == 0.0  # in the past: now
