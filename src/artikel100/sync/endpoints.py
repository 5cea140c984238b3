"""Where the open data lives, and how a mirror stands in for it.

By default the sync reads the Tweede Kamer's Gegevensmagazijn OData API
(``TK_ODATA``) and the officielebekendmakingen repository (``KOOP_ROOT``:
SRU search under ``sru``, files under ``frbr/``). ``--base-url`` (or
``$ARTIKEL100_SYNC_URL``) points both at a mirror: the OData service under
``<base>/OData/v4/2.0/``, SRU at ``<base>/sru`` and files at ``<base>/frbr/``;
``--koop-url`` (``$ARTIKEL100_SYNC_KOOP_URL``) moves the KOOP half on its own.

Links in the responses (next pages, file URLs) are followed only to the
configured hosts; a link to a real host while a mirror is configured is
rewritten onto the mirror, so a mirror that copies responses verbatim works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .errors import BadPayload

__all__ = ["TK_ODATA", "KOOP_ROOT", "ENV_URL", "ENV_KOOP_URL", "Endpoints"]

TK_ODATA = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
KOOP_ROOT = "https://repository.overheid.nl/"
ENV_URL = "ARTIKEL100_SYNC_URL"
ENV_KOOP_URL = "ARTIKEL100_SYNC_KOOP_URL"
_ODATA_PATH = "OData/v4/2.0/"


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


@dataclass(frozen=True)
class Endpoints:
    """The OData service root and the KOOP repository root, both ending in ``/``."""

    odata: str = TK_ODATA
    koop: str = KOOP_ROOT

    @classmethod
    def resolve(cls, base_url: str | None = None, koop_url: str | None = None) -> Endpoints:
        """From the options (or the environment); the real services when neither is set."""
        base_url = base_url or os.environ.get(ENV_URL) or None
        koop_url = koop_url or os.environ.get(ENV_KOOP_URL) or None
        if base_url:
            base = _slash(base_url.strip())
            if "/odata/" in base.lower():
                odata, mirror_root = base, base[: base.lower().index("/odata/") + 1]
            else:
                odata, mirror_root = base + _ODATA_PATH, base
        else:
            odata, mirror_root = TK_ODATA, None
        koop = _slash(koop_url.strip()) if koop_url else (mirror_root or KOOP_ROOT)
        for url in (odata, koop):
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
                raise BadPayload(f"{url}: not an http(s) URL")
        return cls(odata, koop)

    @property
    def sru(self) -> str:
        return self.koop + "sru"

    def document_resource(self, guid: str) -> str:
        return f"{self.odata}Document({guid})/resource"

    def follow(self, link: str, base: str) -> str:
        """A link from a response, resolved and kept to the configured hosts.

        Raises:
            BadPayload: the link leads to another host.
        """
        url = urljoin(base, link)
        host = urlsplit(url).netloc
        mine = {urlsplit(self.odata).netloc: _root(self.odata), urlsplit(self.koop).netloc: self.koop}
        if host in mine:
            return url
        low = self.odata.lower()
        tk_prefix = self.odata[: low.rfind("odata/")] if "odata/" in low else _root(self.odata)
        real = {urlsplit(TK_ODATA).netloc: tk_prefix, urlsplit(KOOP_ROOT).netloc: self.koop}
        if host in real:
            return real[host] + url.split("/", 3)[3] if url.count("/") >= 3 else real[host]
        raise BadPayload(f"{url}: a link to a host the sync was not pointed at; not followed")
