"""The demo file cut short at a sample of byte offsets (every line end among them) is reported.

Issue 9 item 4: never accepted, never saved over (nor its .bak), listed as cut
short, refused by ``validate``. ``make fuzz`` runs every offset
(``python -m fagworkshop_tools.fuzz --truncations``).
"""

from __future__ import annotations

from pathlib import Path

from fagworkshop.i18n import set_language
from fagworkshop_tools.fuzz import truncation


def test_sample_of_cuts_of_the_demo_is_reported(tmp_path: Path) -> None:
    set_language("da")
    data, _ = truncation.demo_bytes(tmp_path / "probe")
    offsets = truncation.sample_offsets(data, extra=300)
    assert len(offsets) > 300 and {i for i, b in enumerate(data) if b == 0x0A} <= set(offsets)
    report = truncation.sweep(tmp_path / "sweep", offsets, deep_every=60)
    assert report.findings == []
    assert report.ok, report.counts()
    assert report.offsets == len(offsets) and report.deep_checks >= 20
