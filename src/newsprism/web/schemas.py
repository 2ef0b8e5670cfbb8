"""Request and response bodies of the JSON API (pydantic), documented in the OpenAPI spec."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_SURROGATE = re.compile("[\ud800-\udfff]")
META_MAX = 2000  # characters in a title, outlet, byline, date, id, label or URL


def check_unicode(value: str | None) -> str | None:
    """Refuse lone surrogates (``"\\ud800"`` in JSON): they are not text, and offsets into them mean nothing."""
    if value is None:
        return value
    found = _SURROGATE.search(value)
    if found:
        raise ValueError(
            f"contains a lone surrogate (U+{ord(found.group()):04X}) at character {found.start()}; "
            "send valid Unicode (paired surrogates or UTF-8)"
        )
    return value


class ArticleIn(BaseModel):
    """One article to analyse: exactly one of text, html or url, plus optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A whole HTML page; the article is extracted from it.")
    url: str | None = Field(None, max_length=META_MAX, description="An http(s) URL fetched by the server.")
    id: str | None = Field(None, max_length=META_MAX)
    title: str | None = Field(None, max_length=META_MAX)
    outlet: str | None = Field(None, max_length=META_MAX)
    byline: str | None = Field(None, max_length=META_MAX)
    published: str | None = Field(None, max_length=META_MAX)
    source: str | None = Field(None, max_length=META_MAX, description="A label, e.g. the uploaded file's name.")

    @field_validator("*")
    @classmethod
    def _unicode(cls, value: Any) -> Any:
        return check_unicode(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self

    def label(self, n: int) -> str:
        """What the pages call this article: title, outlet, file name or URL, else its position."""
        return self.title or self.outlet or self.source or self.url or f"article {n}"


class CompareIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1)


class JobIn(CompareIn):
    mode: Literal["analyze", "compare"] = "analyze"


class JobStatus(BaseModel):
    """A job's state; ``progress`` (0-1) moves stage by stage, so a one-article job shows progress too."""

    id: str
    kind: str
    status: Literal["running", "done", "error"]
    done: int = Field(description="Articles fully analysed.")
    total: int
    progress: float = Field(description="Share of the work done, 0 to 1.")
    stage: str | None = Field(None, description="The stage running now, when known.")
    labels: list[str] = Field(default_factory=list)
    created: float = Field(description="Unix time the job was created.")
    error: dict[str, Any] | None = None
