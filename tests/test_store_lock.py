"""A run waits a moment for a reader that holds the store, and fails as busy when it does not let go."""

import subprocess
import sys
import time

import pytest

from eventwire.errors import StoreBusy
from eventwire.store import Store

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def hold_read_only(db, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_writer_waits_for_a_reader_that_closes(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    proc = hold_read_only(db, 1.0)
    try:
        started = time.monotonic()
        with Store(db, wait=30) as store:
            assert store.version() > 0
        assert time.monotonic() - started >= 0.5  # it did wait for the reader
    finally:
        proc.wait(timeout=30)


def test_writer_without_wait_says_busy(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    proc = hold_read_only(db, 30)
    try:
        with pytest.raises(StoreBusy, match="another process"):
            Store(db, wait=0.3)
    finally:
        proc.kill()
        proc.wait()
