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


# onnx.proto field numbers: ModelProto.graph; GraphProto.node, .output; NodeProto.input, .output, .name, .op_type
MODEL_GRAPH, GRAPH_NODE, GRAPH_OUTPUT = 7, 1, 12
NODE_INPUT, NODE_OUTPUT, NODE_NAME, NODE_OP = 1, 2, 3, 4
ONNX_FLOAT = 1  # TensorProto.FLOAT
Field = tuple[int, int, int, int, int]  # (field number, wire type, start of the key, start of the value, end)


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _put_varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _fields(buf: bytes) -> list[Field]:
    """The top-level fields of a serialized protobuf message, in the order they are written."""
    out: list[Field] = []
    pos = 0
    while pos < len(buf):
        start = pos
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            end = _varint(buf, pos)[1]
        elif wire == 2:
            size, pos = _varint(buf, pos)
            end = pos + size
        elif wire in (1, 5):
            end = pos + (8 if wire == 1 else 4)
        else:
            raise ModelError("E030", name="minilm", reason=f"unexpected protobuf wire type {wire}")
        out.append((number, wire, start, pos, end))
        pos = end
    return out


def _message(number: int, payload: bytes) -> bytes:
    return _put_varint(number << 3 | 2) + _put_varint(len(payload)) + payload


def _strings(buf: bytes, number: int) -> list[str]:
    return [buf[v:e].decode("utf-8") for n, w, _, v, e in _fields(buf) if n == number and w == 2]


def _state_value_info() -> bytes:
    """ValueInfoProto ``layer_states``: float tensor of shape (batch, sequence, DIM)."""
    dims = (
        _message(1, _message(2, b"batch"))
        + _message(1, _message(2, b"sequence"))
        + _message(1, b"\x08" + _put_varint(DIM))
    )
    tensor = b"\x08" + _put_varint(ONNX_FLOAT) + _message(2, dims)
    return _message(1, STATE_OUTPUT.encode()) + _message(2, _message(1, tensor))


def _layer_norm_output(graph: bytes, fields: list[Field], layer: int) -> str:
    """The output name of the LayerNorm node that reads ``….encoder.layer.<layer>.output.LayerNorm.weight``."""
    suffix = f"encoder.layer.{layer}.output.LayerNorm.weight"
    found = []
    for number, _, _, value, end in fields:
        node = graph[value:end]
        if number != GRAPH_NODE or _strings(node, NODE_OP) != ["LayerNormalization"]:
            continue
        if any(i.endswith(suffix) for i in _strings(node, NODE_INPUT)):
            found.append(_strings(node, NODE_OUTPUT)[0])
    if len(found) != 1:
        raise ModelError("E030", name="minilm", reason=f"no unique LayerNorm of encoder layer {layer} in the graph")
    return found[0]


def with_state_output(model_bytes: bytes, layer: int = STATE_LAYER) -> bytes:
    """The ONNX model with the output of ``encoder.layer.<layer>`` (its final LayerNorm) added as ``layer_states``.

    The node is found by its LayerNorm weight name (``….encoder.layer.<layer>.output.LayerNorm.weight``); an
    Identity node names the new output so that the original outputs keep their names and order. The edit is made
    on the protobuf wire format and gives the bytes ``onnx`` writes for it (load, append node and output,
    serialise; tests/nlp/test_encoder.py compares them): importing ``onnx`` cost ~0.6 s CPU in every process
    that loads the encoder, each ingest worker included (issue 22).
    """
    graphs = [f for f in _fields(model_bytes) if f[0] == MODEL_GRAPH and f[1] == 2]
    if len(graphs) != 1:
        raise ModelError("E030", name="minilm", reason="the ONNX model has no single graph")
    _, _, g_start, g_value, g_end = graphs[0]
    graph = model_bytes[g_value:g_end]
    fields = _fields(graph)
    node = b"".join(
        _message(number, text.encode())
        for number, text in (
            (NODE_INPUT, _layer_norm_output(graph, fields, layer)),
            (NODE_OUTPUT, STATE_OUTPUT),
            (NODE_NAME, "newsprism_states"),
            (NODE_OP, "Identity"),
        )
    )
    added = {GRAPH_NODE: _message(GRAPH_NODE, node), GRAPH_OUTPUT: _message(GRAPH_OUTPUT, _state_value_info())}
    cut = {k: max((i + 1 for i, f in enumerate(fields) if f[0] <= k), default=0) for k in added}
    out = bytearray()
    for i in range(len(fields) + 1):  # each new field after the last one of its number or a lower one
        out += b"".join(v for k, v in added.items() if cut[k] == i)
        if i < len(fields):
            out += graph[fields[i][2] : fields[i][4]]
    return model_bytes[:g_start] + _message(MODEL_GRAPH, bytes(out)) + model_bytes[g_end:]


@dataclass
class SentenceStates:
    """One sentence's encoder output: wordpiece states and offsets ([CLS] and [SEP] included, offsets (0, 0))."""

    states: np.ndarray  # (n, 384) float32: layer-STATE_LAYER states of [CLS] + wordpieces + [SEP]
    offsets: np.ndarray  # (n, 2) int64: character offsets into the sentence text
    pooled: np.ndarray  # (384,) float32: the sentence vector, as newsprism.nlp.embed.embed returns it


def encode(
    texts: list[str], name: str = "minilm", batch_size: int = 64, compute: str | None = None
) -> list[SentenceStates]:
    """One encoder pass per distinct text: states, offsets and pooled vector (the embedder's memo is filled,
    so a later :func:`newsprism.nlp.embed.embed` of these texts costs nothing). ``compute``: "float" or "int8"
    (None: the process default, :func:`newsprism.nlp.embed.default_compute`)."""
    from newsprism.nlp.embed import embedder

    emb = embedder(name, compute)
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
        # the heads are trained on MiniLM's states (float compute; int8 is an option, issue 22)
        encoded = encode(texts, compute=options.encoder_compute) if texts else []
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
