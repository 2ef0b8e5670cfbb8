"""A server that drips its body is cut off at the fetch's overall deadline (each read alone is quick)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.errors import FetchError
from newsprism.ingest.url import deadline_seconds, fetch
from newsprism.options import load_options

DRIP = 200  # bytes, one every 0.1 s: 20 s in all, far past the deadline below


class Drip(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(DRIP))
        self.end_headers()
        try:
            for _ in range(DRIP):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client hung up: what the deadline is for

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/slow"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_dripping_server_is_cut_off(server: str) -> None:
    options = load_options(allow_private_urls=True, url_timeout=0.5)
    assert deadline_seconds(options) == 2.0
    with pytest.raises(FetchError, match="overall deadline") as exc:
        fetch(server, options)
    assert exc.value.code == "E011"
