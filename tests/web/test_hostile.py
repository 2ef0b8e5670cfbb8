"""The scripted hostile-input run (benchmarks/hostile_web.py over its case list): no 5xx, the server still serves."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "hostile_web.py"


def _module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("hostile_web", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_case_list_is_large_and_named() -> None:
    cases = json.loads((BENCH.parent / "hostile_web_cases.json").read_text(encoding="utf-8"))
    assert len(cases) >= 40
    assert len({c["name"] for c in cases}) == len(cases)


@pytest.mark.slow
def test_hostile_run_has_no_5xx_and_server_survives(tmp_path: Path) -> None:
    hostile = _module()
    cases = json.loads((BENCH.parent / "hostile_web_cases.json").read_text(encoding="utf-8"))
    port = hostile.free_port()
    server = hostile.start_server(port, ("nlp",), str(tmp_path), 1)
    try:
        results, alive = hostile.run(f"http://127.0.0.1:{port}", cases)
    finally:
        server.should_exit = True
    assert alive
    assert [r for r in results if r[1] >= 500] == []
    by_name = {name: (status, code) for name, status, code in results}
    assert by_name["20 MB chunked body"] == (413, "E130")
    assert by_name["Content-Length over the cap"] == (413, "E130")
    assert by_name["text over max_bytes (11 MB)"] == (413, "E004")
    assert by_name["form-encoded body"][0] == 415 and by_name["loopback URL"] == (422, "E010")
    assert by_name["foreign Host header (DNS rebinding)"] == (400, "E145")
    assert by_name["text of 1.2M characters"] == (200, "-")  # analysed in pieces by the nlp stage
