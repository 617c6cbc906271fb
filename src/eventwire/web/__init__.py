"""The web UI and JSON API over a store: ``create_app(store) -> FastAPI`` (see docs/web.md, docs/api.md)."""

from .app import create_app

__all__ = ["create_app"]
