"""The organisations that lead or own missions, as Dutch letters write them.

One table for the description resolver ("de NAVO-geleide operatie", "de snelle reactiemacht van
de EU") and the mission finder ("de politiemissie van de Europese Unie, EUPM"), so that both read
the same names the same way.
"""

from __future__ import annotations

import re

__all__ = ["ORGANISATIONS", "ABBREVIATIONS", "NAMES"]

# How a letter writes an organisation -> the catalogue's organisation ("UN", "NATO", ...).
ORGANISATIONS = {
    "VN": "UN", "UN": "UN", "NAVO": "NATO", "Navo": "NATO", "NATO": "NATO", "EU": "EU",
    "OVSE": "OSCE", "OSCE": "OSCE", "AU": "other", "VS": "coalition",
    "Verenigde Staten": "coalition", "Europese Unie": "EU", "Verenigde Naties": "UN", "Afrikaanse Unie": "other",
}
# The short forms, which stand glued to a head ("NAVO-operatie") or after "door de".
ABBREVIATIONS = "|".join(k for k in ORGANISATIONS if " " not in k)
# Every form, longest first, for "van de <organisation>".
NAMES = "|".join(re.escape(k) for k in sorted(ORGANISATIONS, key=len, reverse=True))
