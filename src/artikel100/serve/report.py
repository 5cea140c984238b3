"""One letter as one self-contained HTML file: text with facts highlighted, the fact list.

No external reference of any kind (no stylesheet link, no script, no image):
the CSS is written into the file, and fact and text link to each other with
plain anchors, so the file reads the same when mailed and opened offline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

from .. import __version__
from . import i18n
from .app import STATIC_DIR, _templates
from .data import Snapshot

__all__ = ["render_report", "report_css", "REPORT_CSS", "APP_CSS"]

REPORT_CSS = STATIC_DIR / "css" / "report.css"
APP_CSS = STATIC_DIR / "css" / "app.css"
_SHARED = re.compile(r"/\* report: begin \*/\n(.*?)/\* report: end \*/\n", re.S)


@lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheet: report.css, then the site's rules that app.css marks as the report's too."""
    return REPORT_CSS.read_text(encoding="utf-8") + "".join(_SHARED.findall(APP_CSS.read_text(encoding="utf-8")))


def render_report(conn: Connection, snap: Snapshot, letter_id: int, lang: str = "nl") -> str:
    from .pages import letter_page_model

    i18n.use_language(lang)
    model: dict[str, Any] = letter_page_model(conn, snap, letter_id)
    env = _templates().env
    return env.get_template("report.html").render(
        snap=snap, css=report_css(), lang=lang, version_string=__version__, **model
    )
