"""ruff and mypy are part of the test suite, and so are the size limits of functions and modules."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsprism"
MAX_FUNCTION_LINES = 60  # from the ``def`` line to the last line of the body, docstring included
MAX_MODULE_LINES = 500

# Functions allowed over MAX_FUNCTION_LINES, each with the reason it is not split yet. Remove an entry when its
# function is split (the test fails on an entry that no longer needs it).
LONG_FUNCTIONS: dict[str, str] = {}

# Modules allowed over MAX_MODULE_LINES, each with its reason (same rule).
LONG_MODULES: dict[str, str] = {}


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed")
    return found


def test_ruff_clean() -> None:
    res = subprocess.run(
        [_tool("ruff"), "check", "src", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.slow
def test_mypy_clean() -> None:
    res = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


OFFLINE = ("datasets", "training", "bench")  # never imported by the analysis (docs/architecture.md)
# Modules allowed to cross that line, each with its reason (the test fails on a stale entry).
LAYERING_EXCEPTIONS: dict[str, str] = {
    # The PTC encoder-state cache: used by training and the bench only, never by the techniques stage.
    "techniques/states.py": "PTC states cache for training/bench, reads datasets.ptc",
    # The TF-IDF baseline's validation predictions (bench slant) are cached under datasets.slant.cache_dir().
    "slant/baseline.py": "bench-side cache path from datasets.slant",
    # Presentation shows the pinned validation values (the floors files) beside the numbers: slant and tone.
    "report/pinned.py": "reads the shipped floors for the validation values reports show",
    # The bench scores the fine-tuned claims heads with the trainer's own loader (bench only, issue 23).
    "bench/task_claims.py": "loads the bench-only fine-tuned claims heads through training.claims_finetune",
}


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def _function_lengths() -> dict[str, int]:
    """``{"rel/path.py:name": lines}`` of every function and method (nested ones too) under src/newsprism."""
    out: dict[str, int] = {}
    for path in _sources():
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                key = f"{rel}:{node.name}"
                out[key] = max(out.get(key, 0), (node.end_lineno or node.lineno) - node.lineno + 1)
    return out


def test_no_function_over_the_line_limit() -> None:
    lengths = _function_lengths()
    too_long = {k: n for k, n in lengths.items() if n > MAX_FUNCTION_LINES and k not in LONG_FUNCTIONS}
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines (split them into named helpers): {too_long}"
    stale = [k for k in LONG_FUNCTIONS if lengths.get(k, 0) <= MAX_FUNCTION_LINES]
    assert not stale, f"LONG_FUNCTIONS entries no longer needed (remove them): {stale}"


def test_no_module_over_the_line_limit() -> None:
    lengths = {p.relative_to(SRC).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in _sources()}
    too_long = {k: n for k, n in lengths.items() if n > MAX_MODULE_LINES and k not in LONG_MODULES}
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (split them by responsibility): {too_long}"
    stale = [k for k in LONG_MODULES if lengths.get(k, 0) <= MAX_MODULE_LINES]
    assert not stale, f"LONG_MODULES entries no longer needed (remove them): {stale}"


def _imported(path: Path) -> set[str]:
    """The second component of every absolute ``newsprism.X`` import in ``path`` (lazy imports included)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
        out.update(n.split(".")[1] for n in names if n.startswith("newsprism."))
    return out


def test_analysis_never_imports_datasets_training_or_bench() -> None:
    """Inference code imports neither datasets/, training/ nor bench/; bench/ never imports training/."""
    crossing: dict[str, set[str]] = {}
    for path in _sources():
        rel = path.relative_to(SRC)
        top = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if top == "cli" or (top in OFFLINE and top != "bench"):
            continue
        banned = {"training"} if top == "bench" else set(OFFLINE)
        found = _imported(path) & banned
        if found:
            crossing[rel.as_posix()] = found
    new = {k: sorted(v) for k, v in crossing.items() if k not in LAYERING_EXCEPTIONS}
    assert not new, f"imports across the analysis/offline line (docs/architecture.md): {new}"
    stale = LAYERING_EXCEPTIONS.keys() - crossing.keys()
    assert not stale, f"LAYERING_EXCEPTIONS entries no longer needed (remove them): {sorted(stale)}"
