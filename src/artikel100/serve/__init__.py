"""The web UI and JSON API: ``create_app(Settings(db=...))`` is an ASGI app over one registry.

``artikel100 serve`` runs it on uvicorn; ``artikel100 report`` writes one letter
as a self-contained HTML file with the same templates.
"""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["create_app", "Settings", "serve"]


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          workers: int = 1) -> None:
    """Run the app on uvicorn until interrupted; ``workers`` > 1 starts that many processes."""
    import os

    import uvicorn

    from .process import few_malloc_arenas

    few_malloc_arenas()
    if workers > 1:
        from .asgi import ENV_SETTINGS, settings_to_env

        os.environ[ENV_SETTINGS] = settings_to_env(settings)
        uvicorn.run("artikel100.serve.asgi:app", factory=True, host=host, port=port, log_level=log_level,
                    proxy_headers=False, workers=workers)
        return
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, proxy_headers=False)
