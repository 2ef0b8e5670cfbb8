"""Optional extras: check that the modules an extra installs import, else fail with a one-line hint (E029).

``pip install newsprism`` gives ``analyze``, ``compare``, ``bench`` and ``train``; the web app needs the ``web``
extra, Dask ingest the ``batch`` extra and fine-tuning an encoder the ``train`` extra (pyproject.toml). Each
command that needs one calls :func:`require` before importing it, so a missing extra is one line
(``newsprism: error: E029: … pip install 'newsprism[web]'``) and exit 2, never a ModuleNotFoundError traceback.
"""

from __future__ import annotations

import importlib

from newsprism.errors import ConfigError

# extra -> the modules it installs that newsprism imports (import names, not distribution names)
EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "uvicorn", "python_multipart"),
    "batch": ("dask", "distributed"),
    "train": ("torch", "safetensors"),
}


def require(extra: str, feature: str) -> None:
    """Raise ConfigError E029 naming ``extra`` when one of its modules cannot be imported."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError:
            raise ConfigError("E029", feature=feature, extra=extra) from None
