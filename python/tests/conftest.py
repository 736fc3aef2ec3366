"""Shared fixtures: the repository's sample data, and the claimdiff binary
(for checking that the Python results are the command line's contracts)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
STORY = DATA / "harbour-strike"
HERALD = STORY / "coastal-herald.txt"
LEDGER = STORY / "the-daily-ledger.txt"


def _binary():
    given = os.environ.get("CLAIMDIFF_BIN")
    if given:
        return given
    for profile in ("release", "debug"):
        exe = REPO / "target" / profile / "claimdiff"
        if exe.is_file():
            return str(exe)
    return shutil.which("claimdiff")


@pytest.fixture(scope="session")
def cli():
    """Runs the claimdiff binary and returns its stdout; skips the test when
    no binary is built (`cargo build --release`, or CLAIMDIFF_BIN)."""
    exe = _binary()
    if not exe:
        pytest.skip("no claimdiff binary (cargo build --release, or set CLAIMDIFF_BIN)")

    # The binary finds the bundled model beside target/; one built
    # elsewhere (CLAIMDIFF_BIN) is pointed at it, as the package is.
    env = dict(os.environ)
    env.setdefault("CLAIMDIFF_MODEL", str(REPO / "models" / "paraphrase-MiniLM-L3-v2"))

    def run(*args, ok=(0,)):
        proc = subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=REPO, env=env)
        assert proc.returncode in ok, proc.stderr
        return proc.stdout

    return run
