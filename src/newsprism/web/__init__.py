"""Local web app and JSON API (FastAPI): ``newsprism serve``."""

from newsprism.web.app import create_app

__all__ = ["create_app"]
