from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsprism.options import load_options
from newsprism.registry import registered


def available_stages() -> tuple[str, ...]:
    return tuple(s for s in load_options().stages if s in registered())


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from newsprism.web import create_app

    opts = load_options(stages=available_stages(), web_max_articles=5, web_max_request_bytes=200_000)
    with TestClient(create_app(opts)) as c:
        yield c
