"""One MiniLM pass per sentence for every stage: pooled sentence vectors plus intermediate token states.

The int8 MiniLM ONNX graph of :mod:`newsprism.nlp.embed` is extended at load time (graph surgery with the
``onnx`` package) with one extra output: the token states after transformer layer ``STATE_LAYER`` (0-based;
layer 4 = the input of the sixth and last layer). The pooled sentence vector is computed exactly as
:func:`newsprism.nlp.embed.embed` computes it (same graph, same batching), so it is unchanged, while task heads
(:class:`Head`: a fine-tuned copy of the last layer plus a task head, exported to ONNX) run on the states
without a second transformer pass. :func:`sentence_encodings` computes both once per batch of articles and
keeps them in ``Work.cache`` for the stages (claims, slant, frames read the vectors; techniques the states).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from newsprism.options import Options
    from newsprism.registry import Work

STATE_LAYER = 4  # states after encoder layer 4 = input of layer 5 (the last of MiniLM-L6's six layers)
STATE_OUTPUT = "layer_states"
DIM = 384
SENTENCE_EMBEDDINGS = "sentence_embeddings"  # the key of newsprism.nlp.shared
SENTENCE_STATES = "sentence_states"


def with_state_output(model_bytes: bytes, layer: int = STATE_LAYER) -> bytes:
    """The ONNX model with the output of ``encoder.layer.<layer>`` (its final LayerNorm) added as ``layer_states``.

    The node is found by its LayerNorm weight name (``….encoder.layer.<layer>.output.LayerNorm.weight``); an
    Identity node names the new output so that the original outputs keep their names and order.
    """
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load_from_string(model_bytes)
    graph = model.graph
    suffix = f"encoder.layer.{layer}.output.LayerNorm.weight"
    found = [n for n in graph.node if n.op_type == "LayerNormalization" and any(i.endswith(suffix) for i in n.input)]
    if len(found) != 1:
        raise ModelError("E030", name="minilm", reason=f"no unique LayerNorm of encoder layer {layer} in the graph")
    graph.node.append(helper.make_node("Identity", [found[0].output[0]], [STATE_OUTPUT], name="newsprism_states"))
    graph.output.append(helper.make_tensor_value_info(STATE_OUTPUT, TensorProto.FLOAT, ["batch", "sequence", DIM]))
    return bytes(model.SerializeToString())


@dataclass
class SentenceStates:
    """One sentence's encoder output: wordpiece states and offsets ([CLS] and [SEP] included, offsets (0, 0))."""

    states: np.ndarray  # (n, 384) float32: layer-STATE_LAYER states of [CLS] + wordpieces + [SEP]
    offsets: np.ndarray  # (n, 2) int64: character offsets into the sentence text
    pooled: np.ndarray  # (384,) float32: the sentence vector, as newsprism.nlp.embed.embed returns it


def encode(texts: list[str], name: str = "minilm", batch_size: int = 64) -> list[SentenceStates]:
    """One encoder pass per distinct text: states, offsets and pooled vector (the embedder's memo is filled,
    so a later :func:`newsprism.nlp.embed.embed` of these texts costs nothing)."""
    from newsprism.nlp.embed import embedder

    emb = embedder(name)
    uniq = list(dict.fromkeys(texts))
    done: dict[str, SentenceStates] = {}
    for idx in emb.batches(uniq, batch_size):
        hidden, states, mask, encs = emb.hidden_and_states([uniq[i] for i in idx])
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)
        for row, i in enumerate(idx):
            n = int(mask[row].sum())
            offs = np.asarray(encs[row].offsets[:n], dtype=np.int64).reshape(n, 2)
            done[uniq[i]] = SentenceStates(states[row, :n].astype(np.float32), offs, pooled[row])
    emb.remember({t: s.pooled for t, s in done.items()})
    return [done[t] for t in texts]


def sentence_encodings(batch: list[Work], options: Options) -> list[list[SentenceStates]]:
    """Per article of ``batch``, per sentence: :class:`SentenceStates` (one encoder call for the batch).

    Also stores the pooled vectors under ``Work.cache["sentence_embeddings"]`` (when the embedding model is
    MiniLM), which :func:`newsprism.nlp.shared.sentence_embeddings` reads, so no stage embeds them again.
    """
    missing = [w for w in batch if SENTENCE_STATES not in w.cache]
    if missing:
        texts = [w.article.text[s.start : s.end] for w in missing for s in w.article.sentences]
        encoded = encode(texts) if texts else []  # the heads are trained on MiniLM's states
        pos = 0
        for w in missing:
            n = len(w.article.sentences)
            w.cache[SENTENCE_STATES] = encoded[pos : pos + n]
            if SENTENCE_EMBEDDINGS not in w.cache and options.embedding_model == "minilm":
                rows = [e.pooled for e in encoded[pos : pos + n]]
                w.cache[SENTENCE_EMBEDDINGS] = np.stack(rows) if rows else np.zeros((0, DIM), np.float32)
            pos += n
    return [w.cache[SENTENCE_STATES] for w in batch]


class Head:
    """A task head on the encoder's states: an ONNX graph with inputs ``states`` (batch, seq, 384) float32 and
    ``mask`` (batch, seq) int64, and named outputs: per token (name starting ``tok_``, shape (batch, seq, …))
    or per sentence (any other name, shape (batch, …)).

    Heads of several tasks can share one graph (one fine-tuned layer, several outputs) or live in separate
    files; :meth:`run` pads a list of sentences into length-sorted batches and returns per-sentence arrays.
    """

    def __init__(self, path: Path, threads: int = 0) -> None:
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.log_severity_level = 3
        # as for the encoder (nlp/embed.py): idle intra-op threads sleep, so a head's pool does not busy-wait
        # on a core while the next stage runs (it doubled the frames stage's CPU time on 2 cores)
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads > 0:
            so.intra_op_num_threads = threads
            so.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types for missing or corrupt files
            raise ModelError("E091", path=path, reason=str(exc).splitlines()[0][:200]) from exc
        self.outputs = [o.name for o in self.session.get_outputs()]

    def run(self, items: list[SentenceStates], token_budget: int = 4096) -> list[dict[str, np.ndarray]]:
        """Per sentence: ``{output name: array}`` with the sequence axis cut to the sentence's own length."""
        out: list[dict[str, np.ndarray]] = [{} for _ in items]
        order = sorted(range(len(items)), key=lambda i: len(items[i].states))
        start = 0
        while start < len(order):
            stop = start + 1
            while stop < len(order) and (stop - start + 1) * len(items[order[stop]].states) <= token_budget:
                stop += 1
            idx = order[start:stop]
            longest = max(len(items[i].states) for i in idx)
            states = np.zeros((len(idx), longest, DIM), np.float32)
            mask = np.zeros((len(idx), longest), np.int64)
            for row, i in enumerate(idx):
                n = len(items[i].states)
                states[row, :n] = items[i].states
                mask[row, :n] = 1
            res = self.session.run(None, {"states": states, "mask": mask})
            for row, i in enumerate(idx):
                n = len(items[i].states)
                out[i] = {
                    name: (r[row, :n] if name.startswith("tok_") else r[row])
                    for name, r in zip(self.outputs, res, strict=True)
                }
            start = stop
        return out


@lru_cache(maxsize=4)
def load_head(path: str, threads: int = 0) -> Head:
    """A :class:`Head`, loaded once per process."""
    return Head(Path(path), threads)


def head_inputs(items: list[SentenceStates]) -> dict[str, Any]:
    """Padded ``states``/``mask`` feeds for ``items`` (for callers that run a head session themselves)."""
    longest = max((len(i.states) for i in items), default=0)
    states = np.zeros((len(items), longest, DIM), np.float32)
    mask = np.zeros((len(items), longest), np.int64)
    for row, it in enumerate(items):
        states[row, : len(it.states)] = it.states
        mask[row, : len(it.states)] = 1
    return {"states": states, "mask": mask}
