"""Export speed: 20,000 segments to every release format, beside translate-toolkit writing the same
units as XLIFF 1.2, TMX and CSV. Run: python bench/export.py"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.release.export import EXPORTERS, write_export  # noqa: E402
from workbench.release.model import ExportProject, ExportUnit  # noqa: E402

SOURCES = ["五征集团与中国移动日照分公司签署5G战略合作协议。", "营收达128亿元，同比增长15.6%。",
           "蒋卫东在签约仪式上分享了自己的观点。", "“我们要加快发展，”他说。"]
TARGETS = ["Wuzheng Group and China Mobile Rizhao Branch signed a 5G strategic cooperation agreement.",
           "Revenue reached 12.8 billion yuan, up 15.6 percent year on year.",
           "Jiang Weidong shared his views at the signing ceremony.", "“We must speed up development,” he said."]
STATUSES = ["approved", "edited", "draft", "rejected"]


def project(count: int) -> ExportProject:
    units = tuple(ExportUnit(
        id=str(i + 1), document=f"doc-{i // 5000 + 1}", paragraph=(i % 5000) // 4, source=f"{SOURCES[i % 4]}（{i}）",
        target=f"{TARGETS[i % 4]} ({i})", status=STATUSES[i % 4], approver="Lin Fang" if i % 4 == 0 else "",
        approved_at="2026-11-25T10:00:00Z" if i % 4 == 0 else "", created_by="import",
        created_at="2026-11-24T09:00:00Z", changed_by="Lin Fang", changed_at="2026-11-25T09:30:00Z",
        findings=("spacing/double_space: Several spaces between words.",) if i % 7 == 0 else (),
        comments=("checked",) if i % 11 == 0 else (), draft=TARGETS[i % 4]) for i in range(count))
    return ExportProject("bench", units, tuple(sorted({u.document for u in units})))


def translate_toolkit(units, fmt: str, path: Path) -> None:
    """The same units through translate-toolkit's own storage classes."""
    from translate.storage import csvl10n, tmx, xliff

    if fmt == "xliff12":
        store = xliff.xlifffile(sourcelanguage="zh-CN", targetlanguage="en-US")
        for unit in units:
            tt = store.addsourceunit(unit.source)
            tt.target = unit.target
            tt.setid(unit.id)
            if unit.status == "approved":
                tt.markapproved(True)
    elif fmt == "tmx":
        store = tmx.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
        for unit in units:
            store.addtranslation(unit.source, "zh-CN", unit.target, "en-US")
    else:
        store = csvl10n.csvfile()
        for unit in units:
            tt = store.addsourceunit(unit.source)
            tt.target = unit.target
    path.write_bytes(bytes(store))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=20_000)
    args = parser.parse_args()
    data = project(args.segments)
    baseline_of = {"xliff12": "xliff12", "tmx": "tmx", "csv": "csv"}
    print(f"{args.segments} segments; target <= 3 s per format")
    with tempfile.TemporaryDirectory() as folder:
        for fmt in EXPORTERS:
            output = Path(folder) / f"release.{fmt}"
            started = time.perf_counter()
            write_export(data, fmt, output)
            ours = time.perf_counter() - started
            line = f"{fmt:15} workbench {ours:6.2f} s  {output.stat().st_size / 1e6:6.1f} MB"
            if fmt in baseline_of:
                started = time.perf_counter()
                translate_toolkit(data.units, baseline_of[fmt], Path(folder) / f"tt.{fmt}")
                line += f"   translate-toolkit {time.perf_counter() - started:6.2f} s"
            print(line)


if __name__ == "__main__":
    main()
