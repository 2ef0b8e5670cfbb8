"""A quotation candidate: what one extraction pass proposes before the merge and speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.quotes.speaker_names import Resolved


@dataclass
class Candidate:
    """One quotation (or one part of a quote event) proposed by a pass.

    ``rule`` names the pass and the reading that found it (a feature of the confidence model).
    ``event`` is local to the pass (0: no event); the merge numbers kept events in order. ``subj`` is the
    source token a pass found; ``speaker`` is filled by speaker resolution. Merge controls:

    - ``guard``: dropped when most of the span is already a kept quotation (higher-precedence pass or an
      earlier candidate of the same pass); ``guard_also`` is a second span that must not be covered either.
    - ``part``: a further part of the candidate before it (same event); kept only with it.
    - ``claims_cue``: once kept, its cue token may not make an ``exclusive_cue`` candidate of a later pass.
    """

    kind: str
    start: int
    end: int
    subj: Token | None = None
    cue: Token | None = None
    event: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    speaker: Resolved | None = None
    guard: bool = True
    guard_also: tuple[int, int] | None = None
    part: bool = False
    claims_cue: bool = False
    exclusive_cue: bool = False
    rule: str = ""  # the pass and reading that found it ("direct", "clause", "object", "according", …)
