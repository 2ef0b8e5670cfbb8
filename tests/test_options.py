from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.options import load_options


def test_defaults_then_file_then_flags(tmp_path: Path) -> None:
    base = load_options()
    assert base.stages[0] == "nlp"
    cfg = tmp_path / "c.toml"
    cfg.write_text("batch_size = 7\nmax_bytes = 100\n")
    opts = load_options(cfg, max_bytes=50, url_timeout=None)
    assert opts.batch_size == 7
    assert opts.max_bytes == 50
    assert opts.url_timeout == base.url_timeout


def test_unknown_and_invalid_options(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("nonsense = 1\n")
    with pytest.raises(ConfigError, match="E022"):
        load_options(cfg)
    with pytest.raises(ConfigError, match="batch_size"):
        load_options(batch_size=0)
    with pytest.raises(ConfigError, match="E023"):
        load_options(tmp_path / "missing.toml")


def test_threads_option() -> None:
    assert load_options().threads == 0
    assert load_options(threads=2).threads == 2
    with pytest.raises(ConfigError, match="threads"):
        load_options(threads=-1)


def test_every_option_can_be_set_in_a_file(tmp_path: Path) -> None:
    """Options whose default is None (not in defaults.toml) are still known to a user file."""
    cfg = tmp_path / "c.toml"
    cfg.write_text('techniques_model = "tagger"\nneutral_lexicon = "my.tsv"\n')
    opts = load_options(cfg)
    assert opts.techniques_model == "tagger" and opts.neutral_lexicon == "my.tsv"
