"""Article features for the slant classifiers: outlet-neutral text, sentence splitting, document vectors.

At inference the document vector is the mean of the MiniLM vectors of the article's first ``MAX_SENTENCES``
spaCy sentences (the ones `newsprism.nlp.shared.sentence_embeddings` already computed for the other stages), so no
extra encoder pass is needed. Training and the bench use the regex sentence splitter (`split_sentences`) over the
dataset texts, with the vectors cached on disk (``newsprism.datasets.slant.sentence_vectors``).
"""

from __future__ import annotations

import re

import numpy as np

MAX_SENTENCES = 20  # document vector = mean of the vectors of the first 20 sentences
DIM = 384

_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019')]))\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
# a piece ending in one of these (or in a single capital + ".") continues in the next piece
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|No|Vol|vs|Inc|Corp|Co|Ft)|\b[A-Z]|\.[A-Z])\.$"
)


def split_sentences(text: str) -> list[str]:
    """Lines, then sentence ends (. ! ? plus closing quote) before an upper-case start; titles like "Mr." kept."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces: list[str] = []
        for piece in _SPLIT.split(line.strip()):
            if pieces and _ABBREV.search(pieces[-1]):
                pieces[-1] = f"{pieces[-1]} {piece}"
            elif piece:
                pieces.append(piece)
        out.extend(pieces)
    return out


def doc_vector(sentence_vectors: np.ndarray, max_sentences: int = MAX_SENTENCES) -> np.ndarray:
    """Unit-length mean of the first ``max_sentences`` sentence vectors (zeros when there are none)."""
    v = np.asarray(sentence_vectors[:max_sentences], dtype=np.float64)
    if not len(v):
        return np.zeros(DIM)
    m = v.mean(axis=0)
    n = float(np.linalg.norm(m))
    return m / n if n > 0 else m


# Outlet-identifying strings: names of outlets and wires, datelines, credits, sign-up boxes and share widgets.
# Written by hand from what news pages carry (no dataset text); removed before the TF-IDF features so that the
# classifier learns from what is said, not from whose page it is.
_OUTLETS = (
    r"CNN(?: Business| Politics| Wire)?|Fox News(?: Channel)?|Fox Business|FoxNews\.com|NPR|PBS|MSNBC|NBC News|"
    r"ABC News|CBS News|CNBC|Reuters|Associated Press|AP|AFP|Bloomberg(?: News)?|Axios|Politico|POLITICO|Vox|"
    r"The Hill|USA TODAY|USA Today|The New York Times|New York Times|The Washington Post|Washington Post|"
    r"The Washington Times|Washington Times|The Wall Street Journal|Wall Street Journal|WSJ|Townhall(?:\.com)?|"
    r"Breitbart(?: News)?|The Daily Wire|Daily Wire|The Daily Caller|Daily Caller|The Blaze|TheBlaze|"
    r"National Review|Washington Examiner|Washington Free Beacon|Free Beacon|New York Post|Daily Mail|"
    r"The Epoch Times|Epoch Times|Newsmax|HuffPost|Huffington Post|The Guardian|The Atlantic|Slate|Salon|"
    r"Mother Jones|The Nation|Daily Beast|The Daily Beast|BuzzFeed(?: News)?|Vanity Fair|New York Magazine|"
    r"The Intercept|ProPublica|FiveThirtyEight|RealClearPolitics|Christian Science Monitor|The Week|Al Jazeera|"
    r"Kaiser Health News|Yahoo(?: News)?|Time Magazine|Newsweek|The Economist|Los Angeles Times|LA Times|"
    r"Chicago Tribune|Boston Globe|Media Matters|NewsBusters|Fox"
)
_OUTLET_RE = re.compile(rf"\b(?:{_OUTLETS})(?:'s|\u2019s)?\b")
_LINE_DROP = re.compile(
    r"sign up|newsletter|copyright|\u00a9|click here|read or share|contributed to this|contributed\.?$|"
    r"^write to |^follow @|@\w+\.(?:com|org)|enlarge this image|toggle caption|share this article|"
    r"listen to article|with assistance by|^photographer:|^image \d+ of|^advertisement$|^now watch|"
    r"^go deeper|editor's note|editor\u2019s note|opinions expressed|nonprofit newsroom|^\(h/t|^close\b|"
    r"https?://|www\.|all rights reserved|^related:|^more:|^read more|^watch:|^video:|^photo:|getty images|"
    r"^this story (?:is part|was produced|has been updated)|^this article (?:was|has been)|^series:",
    re.IGNORECASE,
)
# "WASHINGTON (CNN) --", "PASADENA, Texas\u2014", "(Reuters) -" at the start of the body
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\- ]{1,40}(?:, [A-Z][A-Za-z.]{1,12})?\s*)?\([A-Za-z .]{2,25}\)\s*[-\u2014\u2013]*\s*|"
    r"^[A-Z][A-Z.'\- ]{2,30}(?:, [A-Z][A-Za-z.]{1,12})?\s*[-\u2014\u2013]+\s*"
)
_CREDIT = re.compile(r"\([^()]{0,60}/[^()]{0,60}\)|\((?:Photo|Reuters photo|Image|AP Photo)[^()]{0,80}\)")
_BYLINE = re.compile(r"^(?:By|BY|by) [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:,| and| \||$).*$")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms)\. ")


def neutral_text(text: str) -> str:
    """``text`` without outlet names, datelines, bylines, photo credits, sign-up/share/copyright lines and
    the honorifics Mr./Mrs./Ms. (a house style that identifies a few outlets); line structure is kept."""
    lines = []
    for i, line in enumerate(text.split("\n")):
        s = line.strip()
        if not s or _LINE_DROP.search(s) or _BYLINE.match(s):
            continue
        if i <= 3:
            s = _DATELINE.sub("", s)
        s = _CREDIT.sub(" ", s)
        s = _OUTLET_RE.sub(" ", s)
        s = _HONORIFIC.sub("", s)
        if s.strip():
            lines.append(s.strip())
    return "\n".join(lines)
