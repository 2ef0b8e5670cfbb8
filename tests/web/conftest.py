from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsprism.options import load_options


@pytest.fixture(scope="module")
def jobs_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("web-jobs"))


@pytest.fixture(scope="module")
def client(jobs_dir: str) -> Iterator[TestClient]:
    """The app analysing in its own process (web_workers = 0), reached as http://localhost."""
    from newsprism.web import create_app

    opts = load_options(
        web_max_articles=5,
        web_max_request_bytes=200_000,
        web_workers=0,
        web_jobs_dir=jobs_dir,
    )
    with TestClient(create_app(opts), base_url="http://localhost") as c:
        yield c
