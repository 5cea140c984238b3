"""The app for ``uvicorn --workers N``: each worker process builds it from the parent's settings.

``serve(settings, workers=N)`` passes the settings in ``ARTIKEL100_SERVE_SETTINGS``
(JSON, including the cookie secret, so a session signed by one worker is valid
in all); uvicorn imports ``artikel100.serve.asgi:app`` as a factory in each worker.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from fastapi import FastAPI

from .app import create_app
from .settings import Settings

__all__ = ["app", "ENV_SETTINGS", "settings_to_env"]

ENV_SETTINGS = "ARTIKEL100_SERVE_SETTINGS"


def settings_to_env(settings: Settings) -> str:
    return json.dumps({
        "db": settings.db, "token": settings.token, "files": str(settings.files_dir()),
        "max_upload": settings.max_upload, "today": settings.today.isoformat() if settings.today else None,
        "secret": settings.secret.hex(), "demo": settings.demo, "trusted_proxies": list(settings.trusted_proxies),
    })


def app() -> FastAPI:
    from .process import few_malloc_arenas

    few_malloc_arenas()  # each worker is a process of its own
    data = json.loads(os.environ[ENV_SETTINGS])
    return create_app(Settings(
        db=data["db"], token=data["token"], files=Path(data["files"]), max_upload=data["max_upload"],
        today=date.fromisoformat(data["today"]) if data["today"] else None,
        secret=bytes.fromhex(data["secret"]), demo=data["demo"], trusted_proxies=tuple(data["trusted_proxies"]),
    ))
