"""Re-extract the web UI's message ids, merge the Dutch texts and compile the catalogues.

    python -m artikel100.serve.locale.update

Run it after changing a template string; commit the .pot, .po and .mo files
(the .mo files are shipped, so a plain ``pip install -e .`` speaks Dutch).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).parent
SERVE = HERE.parent


def main() -> int:
    from .nl_source import NL

    pot = HERE / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(SERVE / "babel.cfg"),
                    "--no-location", "--sort-output", "--omit-header", "-o", str(pot), str(SERVE)],
                   check=True, capture_output=True)
    template = read_po(pot.open("rb"))
    po_path = HERE / "nl" / "LC_MESSAGES" / "messages.po"
    po_path.parent.mkdir(parents=True, exist_ok=True)
    old = read_po(po_path.open("rb"), locale="nl") if po_path.exists() else None
    catalog = read_po(pot.open("rb"), locale="nl")
    catalog.locale = "nl"  # type: ignore[assignment]
    missing = []
    for msg in catalog:
        if not msg.id:
            continue
        key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        prior = old.get(msg.id) if old else None
        if prior is not None and prior.string and any(prior.string if isinstance(prior.string, tuple) else [prior.string]):
            msg.string = prior.string
        elif key in NL:
            msg.string = NL[key]
        else:
            missing.append(key)
    _ = template
    with po_path.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, no_location=True, sort_output=True, width=120)
    with (po_path.with_suffix(".mo")).open("wb") as fh:
        write_mo(fh, catalog)
    for key in missing:
        print(f"no Dutch text yet: {key!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
