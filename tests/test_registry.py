import json
from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.registry import registered, resolve

GOLDEN = Path(__file__).parent / "stage_registrations.json"


def test_golden_stage_list() -> None:
    """No stage disappears silently: the registered set equals the golden list."""
    expected = json.loads(GOLDEN.read_text())
    got = {name: {"requires": list(i.requires), "produces": list(i.produces)} for name, i in registered().items()}
    assert sorted(got) == sorted(expected)
    for name, spec in expected.items():
        assert got[name] == spec, name


def test_resolve_checks_order() -> None:
    with pytest.raises(ConfigError, match="E020"):
        resolve(["nlp", "no-such-stage"])
    needs_nlp = [n for n, i in registered().items() if "sentences" in i.requires]
    if needs_nlp:
        with pytest.raises(ConfigError, match="E021"):
            resolve([needs_nlp[0]])


def test_default_stages_resolve() -> None:
    from newsprism.options import load_options

    assert [i.name for i in resolve(load_options().stages)] == list(load_options().stages)
