"""URL fetching against a local HTTP server: safety checks, content type, size cap."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.errors import FetchError
from newsprism.ingest import iter_articles
from newsprism.ingest.url import check_address
from newsprism.options import load_options

PARA = "The harbour reopened on Monday after a week of storms, the port authority said in a statement. "
PAGES = {
    "/article": (
        "text/html; charset=utf-8",
        f"<html><head><title>Harbour reopens</title></head><body>"
        f"<article><p>{PARA * 4}</p></article></body></html>".encode(),
    ),
    "/plain": ("text/plain", (PARA * 2).encode()),
    "/image": ("image/png", b"\x89PNG...."),
    "/big": ("text/plain", b"word " * 50_000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404)
            return
        ctype, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


OPTS = load_options(allow_private_urls=True, url_timeout=5.0)


def test_fetch_html_and_plain(server: str) -> None:
    html, plain, redirected = iter_articles([f"{server}/article", f"{server}/plain", f"{server}/redirect"], OPTS)
    assert html.title == "Harbour reopens" and "harbour reopened" in html.text
    assert html.source == f"{server}/article"
    assert plain.text.startswith("The harbour reopened")
    assert redirected.url == f"{server}/article"


@pytest.mark.parametrize(
    ("path", "opts"), [("/image", OPTS), ("/big", OPTS.replace(max_bytes=10_000)), ("/missing", OPTS)]
)
def test_fetch_errors(server: str, path: str, opts: object) -> None:
    with pytest.raises(FetchError) as exc:
        list(iter_articles([f"{server}{path}"], opts))  # type: ignore[arg-type]
    assert exc.value.code == "E011"


def test_refuses_private_without_option(server: str) -> None:
    with pytest.raises(FetchError) as exc:
        list(iter_articles([f"{server}/article"], OPTS.replace(allow_private_urls=False)))
    assert exc.value.code == "E010" and "127.0.0.1" in exc.value.message


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]/", "ftp://example.org/x", "http://0.0.0.0/"],
)
def test_refused_addresses(url: str) -> None:
    with pytest.raises(FetchError) as exc:
        check_address(url, allow_private=False)
    assert exc.value.code == "E010"


def test_unreachable_port() -> None:
    with pytest.raises(FetchError) as exc:
        list(iter_articles(["http://127.0.0.1:9/"], OPTS.replace(url_timeout=2.0)))
    assert exc.value.code == "E011"


def test_connection_goes_to_the_checked_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name is resolved once per request and the connection uses that address."""
    import socket

    from newsprism.ingest import url as url_mod

    real = socket.getaddrinfo
    lookups: list[str] = []

    def resolver(host: str, *args: object, **kwargs: object) -> object:
        if host == "news.test":
            lookups.append(host)
            if len(lookups) > 1:  # a second lookup would be answered by an attacker's address
                raise socket.gaierror("rebinding attempt")
            return real("127.0.0.1", *args, **kwargs)  # type: ignore[arg-type]
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setattr(url_mod, "_is_public", lambda addr: True)  # pretend 127.0.0.1 is a public address
    port = server.rsplit(":", 1)[1]
    (article,) = iter_articles([f"http://news.test:{port}/article"], OPTS.replace(allow_private_urls=False))
    assert article.title == "Harbour reopens" and lookups == ["news.test"]
    assert article.url == f"http://news.test:{port}/article"  # the name, not the address, is recorded


def test_pinned_keeps_the_name_for_host_and_tls() -> None:
    from newsprism.ingest.url import pinned

    assert pinned("https://news.example/a?b=1", "93.184.216.34") == (
        "https://93.184.216.34/a?b=1",
        {"Host": "news.example"},
        {"sni_hostname": "news.example"},
    )
    assert pinned("http://news.example:8080/a", "2606:2800::1")[0] == "http://[2606:2800::1]:8080/a"
    assert pinned("http://localhost/a", None) == ("http://localhost/a", {}, {})
