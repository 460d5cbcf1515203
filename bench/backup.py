"""Backup and restore speed on a store of DOCUMENTS copies of the sample (14 segments each), on SQLite and
PostgreSQL, beside a plain copy of the SQLite file and pg_dump of the same schema as baselines.
Run: python bench/backup.py [--documents 300]"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.ingest.pipeline import align_files  # noqa: E402
from workbench.store import repository  # noqa: E402
from workbench.store.backup import backup, restore  # noqa: E402
from workbench.store.engine import open_engine, session_factory  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "wuzheng-5g"
PG_SERVER = "postgresql://root@127.0.0.1:5432/test"


def fill(url: str, documents: int) -> None:
    aligned = align_files(SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", ROOT / "glossaries" / "wuzheng.csv")
    factory = session_factory(url)
    for number in range(documents):
        repository.import_document(factory, f"project-{number % 10}", f"document-{number}", "source.zh.txt",
                                   "draft.en.txt", aligned.source.text, aligned.draft.text, aligned.alignment,
                                   aligned.glossary)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=300)
    documents = parser.parse_args().documents
    schemas = []

    def postgresql() -> str:
        import psycopg

        schemas.append("wb_bench_" + uuid.uuid4().hex[:8])
        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schemas[-1]}")
        return f"postgresql+psycopg://root@127.0.0.1:5432/test?options=-csearch_path%3D{schemas[-1]}"

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        try:
            print(f"{'store':10} {'format':7} {'rows':>6} {'MB':>5} {'backup s':>9} {'restore s':>10} {'baseline':>22}")
            for kind, formats in (("sqlite", ("sqlite", "json")), ("postgresql", ("json",))):
                source = f"sqlite:///{folder / 'source.db'}" if kind == "sqlite" else postgresql()
                fill(source, documents)
                if kind == "sqlite":
                    copy = timed(lambda: shutil.copyfile(folder / "source.db", folder / "plain-copy.db"))
                    baseline = f"file copy {copy:.2f} s"
                else:
                    dump = timed(lambda: subprocess.run(["pg_dump", "-n", schemas[-1], "-f", str(folder / "pg.sql"),
                                                         PG_SERVER], check=True))
                    baseline = f"pg_dump {dump:.2f} s"
                for fmt in formats:
                    file = folder / f"backup-{kind}.{fmt}"
                    made = []
                    backup_seconds = timed(lambda: made.append(backup(source, file, fmt)))
                    target = f"sqlite:///{folder / f'target-{fmt}.db'}" if kind == "sqlite" else postgresql()
                    open_engine(target)  # the migrations are not part of the restore's time
                    restore_seconds = timed(lambda: restore(target, file))
                    rows = sum(made[0].rows.values())
                    print(f"{kind:10} {fmt:7} {rows:6} {file.stat().st_size / 1e6:5.1f} {backup_seconds:9.2f} "
                          f"{restore_seconds:10.2f} {baseline:>22}")
        finally:
            open_engine.cache_clear()
            if schemas:
                import psycopg

                with psycopg.connect(PG_SERVER, autocommit=True) as connection:
                    for schema in schemas:
                        connection.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
