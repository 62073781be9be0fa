"""Run every bench/bench_*.py in name order, each in its own process (so each gets its own
Django set-up and throwaway database), and exit non-zero if any of them failed.

Run: make bench   (or: .venv/bin/python bench/run_all.py)
"""

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    benches = sorted(BENCH_DIR.glob("bench_*.py"))
    if not benches:
        print(f"No bench_*.py files in {BENCH_DIR}", file=sys.stderr)
        return 1
    # Wagtail logs every page a bench creates at INFO; keep the output to the figures
    # unless LOG_LEVEL says otherwise.
    env = {**os.environ, "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING")}
    failed = []
    for bench in benches:
        print(f"\n### {bench.name}", flush=True)
        start = time.perf_counter()
        # Output goes straight to ours, so it streams as each bench runs.
        result = subprocess.run(  # noqa: S603  (our own interpreter and our own files)
            [sys.executable, str(bench)], cwd=BENCH_DIR.parent, env=env, check=False
        )
        took = time.perf_counter() - start
        status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
        print(f"### {bench.name}: {status} in {took:.0f} s", flush=True)
        if result.returncode != 0:
            failed.append(bench.name)
    if failed:
        print(f"\n{len(failed)} of {len(benches)} benchmarks failed: {', '.join(failed)}")
        return 1
    print(f"\nAll {len(benches)} benchmarks ran.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
