"""One options object: shipped defaults, then a user TOML file, then explicit overrides (CLI flags)."""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsprism.errors import ConfigError


class Options(BaseModel):
    """Every setting newsprism reads. Defaults live in ``defaults.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stages: tuple[str, ...]
    spacy_model: str
    batch_size: int
    max_bytes: int
    url_timeout: float
    allow_private_urls: bool
    user_agent: str
    boilerplate: bool
    language_check: bool
    embedding_model: str
    threads: int
    progress: bool
    web_max_articles: int
    web_max_request_bytes: int
    web_workers: int = 1
    web_allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "[::1]")
    web_jobs_dir: str = ""
    web_job_retention_days: float = 7.0
    web_max_jobs: int = 500
    transcript: str | None = Field(None, description="A transcript file quotes are checked against (`--transcript`).")
    neutral_lexicon: str | None = Field(
        None, description="A TSV (loaded, neutral, category, source) extending the neutral-wording lexicon."
    )
    techniques_model: Literal["tagger", "linear"] = Field(
        "linear", description="techniques spans: the fine-tuned encoder tagger, or the previous linear model"
    )
    encoder_compute: Literal["float", "int8"] = Field(
        "float",
        description="MiniLM compute: float, or int8 (a derived graph cached in the user cache; ~half the encoder "
        "CPU, vectors move slightly: heads are trained on float)",
    )
    tone_model: Literal["head", "rule"] = Field(
        "rule", description="tone labels: the learned head (models/tone/head.json) or the v2 rule (clause VADER, band)"
    )

    def replace(self, **changes: Any) -> Options:
        return make_options(self.model_dump() | changes)


def _defaults() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def make_options(data: dict[str, Any]) -> Options:
    try:
        opts = Options(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError("E022", name=".".join(map(str, err["loc"])), reason=err["msg"]) from None
    if opts.batch_size < 1:
        raise ConfigError("E022", name="batch_size", reason="must be at least 1")
    if opts.threads < 0:
        raise ConfigError("E022", name="threads", reason="must be 0 (all cores) or more")
    if opts.max_bytes < 1:
        raise ConfigError("E022", name="max_bytes", reason="must be at least 1")
    if opts.web_workers < 0:
        raise ConfigError("E022", name="web_workers", reason="must be 0 (analyse in the server process) or more")
    return opts


def load_options(config: str | Path | None = None, **overrides: Any) -> Options:
    """Build Options from defaults, the user file (``config`` or ``$NEWSPRISM_CONFIG``), then overrides.

    Overrides whose value is None are ignored, so CLI flags can pass "not given" through.
    """
    data = _defaults()
    path = config or os.environ.get("NEWSPRISM_CONFIG")
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError("E023", path=str(path), reason=str(exc)) from None
        unknown = set(user) - set(Options.model_fields)  # not only defaults.toml's keys: some default to None
        if unknown:
            raise ConfigError("E022", name=sorted(unknown)[0], reason="unknown option")
        data.update(user)
    data.update({k: v for k, v in overrides.items() if v is not None})
    return make_options(data)
