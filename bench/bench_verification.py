"""Verification speed over HTTP: the API and the public page against a bare JSON view.

gunicorn serves the site under production settings (cms.settings.production, through
bench/verification_settings.py, which only adds the bare view's URL and a throwaway
STATIC_ROOT) from a throwaway database: PostgreSQL when one answers (DATABASE_URL, or
postgres://postgres@127.0.0.1:5432), else SQLite; Redis (a private redis-server the bench
starts, or BENCH_REDIS_SERVER) is the cache, the verification hot path and the Celery
broker. wrk, in another process, drives each target for the same time at the same
concurrency, rotating through every credential number. Also timed: one bulk API call of
500 numbers, and a 10,000-row CSV check.

Needs wrk (Debian: apt-get install wrk). Run: make bench
(or: .venv/bin/python bench/bench_verification.py). BENCH_WORKER_CLASSES=gthread and
BENCH_THREADS=2 pick the gunicorn workers measured (default: sync and gthread, 2 threads).
"""

import contextlib
import csv
import datetime
import gc
import http.client
import io
import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

from harness import print_table

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CREDENTIALS = 10_000
BULK_NUMBERS = 500
BULK_RUNS, CSV_RUNS = 15, 5
WORKERS = 2
RAMP = (1, 4, 16, 64)  # connections: where each target saturates
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKER_CLASSES = os.environ.get("BENCH_WORKER_CLASSES", "sync,gthread").split(",")
WRK_THREADS, CONNECTIONS = 2, 16
WARMUP_SECONDS = int(os.environ.get("BENCH_WARMUP_SECONDS", "2"))
# Measured: ROUNDS rounds of every target in turn, ROUND_SECONDS each (see measure()).
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ROUND_SECONDS = int(os.environ.get("BENCH_ROUND_SECONDS", "3"))
RAMP_SECONDS = int(os.environ.get("BENCH_RAMP_SECONDS", "4"))
# High enough that neither the bench's one key nor its one address is ever throttled:
# the limiter still counts every request in Redis, as in production, it just never says no.
API_RATE_LIMIT = PUBLIC_RATE_LIMIT = "100000000/m"
# Issue 19: the API >= 0.5 x the bare view (stretch 0.7), p99 <= 10 ms at 16 connections;
# the public page >= 0.4 x; a bulk call of 500 numbers <= 25 ms over HTTP.
AIM_RATIO, STRETCH_RATIO, AIM_P99_MS, AIM_PAGE_RATIO, AIM_BULK_MS = 0.5, 0.7, 10.0, 0.4, 25.0
BUSY = 0.1  # warn when other processes took more than this share of the machine
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
# By default the bench starts a private redis-server of its own on a free port (its CPU is
# then the bench's alone, and nothing on a shared Redis is touched). BENCH_REDIS_SERVER: use
# that Redis instead, with BENCH_REDIS_DBS="14,15" naming the cache and broker databases you
# may use (emptied afterwards) or, without it, two empty ones found (2-15).
REDIS_SERVER = os.environ.get("BENCH_REDIS_SERVER", "")
REDIS_DBS = os.environ.get("BENCH_REDIS_DBS", "")
WRK = shutil.which("wrk")

FIRST_NAMES = ["Ada", "Tomás", "Mei", "Kwame", "Siobhán", "Priya", "Jonas", "Amara", "Luis"]
LAST_NAMES = [
    "Okafor", "Nguyễn", "O'Brien", "Smith", "García", "Kowalski", "Ó Súilleabháin", "Patel",
    "Müller", "Johnson-Reyes", "Williams", "Brown", "Jones", "Taylor", "Davies", "Evans",
    "Khan", "Singh", "Wilson", "Thomas", "Roberts", "Li", "Wang", "Chen", "Murphy", "Kelly",
    "Walsh", "Byrne", "Ryan", "O'Connor", "Mensah", "Abebe", "Haddad", "Novak", "Horvat",
    "Andersson", "Nielsen", "Rossi", "Ferrari", "Santos", "Silva", "Dubois", "Lefèvre", "Kim",
    "Park", "Tanaka", "Sato", "Cohen", "Levi", "MacDonald",
]  # fmt: skip

# Each wrk thread walks the numbers from its own offset, one number per request.
WRK_SCRIPT = """
local numbers, position = {}, 0
local prefix, suffix, auth
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  for line in io.lines(args[1]) do numbers[#numbers + 1] = line end
  prefix, suffix, auth = args[2], args[3], args[4]
  position = (id * 4999) % #numbers
end

function request()
  position = position % #numbers + 1
  local headers = {}
  if auth ~= "" then headers["Authorization"] = auth end
  return wrk.format("GET", prefix .. numbers[position] .. suffix, headers)
end
"""


class BenchError(Exception):
    """Something that makes the figures meaningless: reported, and the bench exits 1."""


# ---------------------------------------------------------------- services


def postgres_server() -> str | None:
    """The PostgreSQL server to make the throwaway database on, or None for SQLite."""
    import psycopg

    configured = os.environ.get("DATABASE_URL", "")
    if configured and not configured.startswith(("postgres://", "postgresql://", "pgsql://")):
        return None  # DATABASE_URL names SQLite (or something else): honour it, as harness does
    url = urllib.parse.urlsplit(configured or DEFAULT_POSTGRES)
    server = urllib.parse.urlunsplit(("postgresql", url.netloc, "/postgres", "", ""))
    try:
        psycopg.connect(server, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        if configured:
            raise BenchError(f"DATABASE_URL does not answer: {error}") from error
        return None
    return server


@contextlib.contextmanager
def throwaway_database(workdir: Path):
    """(DATABASE_URL, description, backends) of a database made for this run and dropped
    after it; backends() lists the process ids of the server's connections to it."""
    import psycopg

    server = postgres_server()
    if server is None:
        path = workdir / "bench.sqlite3"
        yield f"sqlite:///{path}", f"SQLite, throwaway file {path}", list
        return
    name = os.environ.get("BENCH_DATABASE_NAME", f"peerpath_bench_verification_{os.getpid()}")
    with psycopg.connect(server, autocommit=True) as admin:
        version = admin.execute("SHOW server_version").fetchone()[0]
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urllib.parse.urlsplit(server)

    def backends() -> list[int]:
        if url.hostname not in {"127.0.0.1", "localhost", "::1"}:
            return []  # not on this machine: its CPU time is not ours to read
        with psycopg.connect(server, autocommit=True) as admin:
            rows = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", [name]
            ).fetchall()
        return [pid for (pid,) in rows]

    try:
        yield (
            urllib.parse.urlunsplit(("postgres", url.netloc, f"/{name}", "", "")),
            f"PostgreSQL {version}, throwaway database {name} on {url.hostname}:{url.port}",
            backends,
        )
    finally:
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def private_redis_server():
    """The URL of a redis-server started for this run on a free port (killed after), or
    None where redis-server is not installed."""
    import redis

    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    process = subprocess.Popen(  # noqa: S603  (redis-server from PATH, fixed arguments)
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis(port=port, socket_timeout=1).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise BenchError("the private redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}"
    finally:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def throwaway_redis():
    """(cache URL, broker URL, client of the broker db, description): a private
    redis-server's databases 0 and 1, or, with BENCH_REDIS_SERVER, two databases of that
    server emptied again afterwards; (None, None, None, reason) without Redis."""
    import redis

    if not REDIS_SERVER:
        with private_redis_server() as server:
            if server is None:
                yield None, None, None, "no redis-server on PATH"
                return
            broker = redis.Redis.from_url(f"{server}/1", socket_timeout=10)
            yield f"{server}/0", f"{server}/1", broker, f"a private redis-server at {server}"
        return
    try:
        client = redis.Redis.from_url(f"{REDIS_SERVER}/0", socket_timeout=3)
        client.ping()
    except redis.RedisError:
        yield None, None, None, f"{REDIS_SERVER} did not answer"
        return
    client.close()
    free = [int(db) for db in REDIS_DBS.split(",") if db.strip()]
    for db in range(15, 1, -1) if not free else ():
        probe = redis.Redis.from_url(f"{REDIS_SERVER}/{db}", socket_timeout=3)
        if probe.dbsize() == 0:
            free.append(db)
        probe.close()
        if len(free) == 2:
            break
    if len(free) < 2:
        raise BenchError("Redis answers but has no two empty databases (2-15) to use.")
    cache_db, broker_db = free
    broker = redis.Redis.from_url(f"{REDIS_SERVER}/{broker_db}", socket_timeout=10)
    try:
        yield (
            f"{REDIS_SERVER}/{cache_db}",
            f"{REDIS_SERVER}/{broker_db}",
            broker,
            f"{REDIS_SERVER} (BENCH_REDIS_SERVER)",
        )
    finally:
        for db in free:
            with contextlib.suppress(redis.RedisError):
                redis.Redis.from_url(f"{REDIS_SERVER}/{db}", socket_timeout=10).flushdb()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- data


def build(today: datetime.date):
    """10,000 credentials (94% active, 3% expired, 2% suspended, 1% revoked) from one
    provider, and a clinic with a verifier and an API key. Returns (numbers, last names by
    number, clinic, verifier, API key secret)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from certificates.models import Credential
    from certificates.services import credential_create
    from courses.models import Enrollment
    from organisations.models import Organisation
    from organisations.roles import OrganisationKind, Role
    from organisations.services import membership_grant
    from tests.builders import live_programme
    from verification.services import api_key_create

    User = get_user_model()
    unusable = make_password(None)
    provider = Organisation.objects.create(
        name="Harbour Recovery Training", slug="harbour", kind=OrganisationKind.TRAINING_PROVIDER
    )
    clinic = Organisation.objects.create(
        name="Northside Community Clinic", slug="northside", kind=OrganisationKind.CLINIC
    )
    programme = live_programme(
        organisation=provider,
        modules=1,
        lessons=1,
        slug="cpsw",
        title="Certified Peer Support Worker",
    )
    verifier = User.objects.create_user(
        email="verifier@northside.example", first_name="Val", last_name="Verifier"
    )
    membership_grant(user=verifier, organisation=clinic, role=Role.VERIFIER)
    _, secret = api_key_create(organisation=clinic, name="Rostering system", created_by=verifier)

    holders = User.objects.bulk_create(
        (
            User(
                email=f"holder{i}@peers.example",
                first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
                last_name=LAST_NAMES[i % len(LAST_NAMES)],
                password=unusable,
            )
            for i in range(CREDENTIALS)
        ),
        batch_size=2_000,
    )
    enrollments = Enrollment.objects.bulk_create(
        (Enrollment(trainee=holder, programme=programme) for holder in holders), batch_size=2_000
    )
    with transaction.atomic():
        for i, (holder, enrollment) in enumerate(zip(holders, enrollments, strict=True)):
            status, expires_in = Credential.Status.ACTIVE, 30 + i % 700
            if i % 100 == 0:
                status = Credential.Status.REVOKED
            elif i % 50 == 1:
                status = Credential.Status.SUSPENDED
            elif i % 33 == 2:
                expires_in = -(1 + i % 300)  # active, but past its date: EXPIRED
            expires_on = today + datetime.timedelta(days=expires_in)
            credential_create(
                holder=holder,
                enrollment=enrollment,
                programme=programme,
                issuer=provider,
                status=status,
                issued_on=expires_on - datetime.timedelta(days=730),
                expires_on=expires_on,
                achievement={
                    "holder_name": f"{holder.first_name} {holder.last_name}",
                    "programme": programme.title,
                    "issuer": provider.name,
                },
            )
    rows = Credential.objects.values_list("number", "holder__last_name").order_by("pk")
    last_names = dict(rows)
    return list(last_names), last_names, clinic, verifier, secret


def csv_upload(numbers: list[str], last_names: dict[str, str]):
    """10,000 rows of real numbers and last names, typed as people type them: some in lower
    case, some without hyphens or with spaces, some names in capitals."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["credential_number", "last_name"])
    for i, number in enumerate(numbers):
        name = last_names[number]
        if i % 7 == 0:
            number = number.lower()
        elif i % 11 == 0:
            number = number.replace("-", "")
        elif i % 13 == 0:
            number = number.replace("-", " ")
        if i % 5 == 0:
            name = name.upper()
        writer.writerow([number, name])
    return out.getvalue().encode("utf-8")


# ---------------------------------------------------------------- gunicorn and wrk


@contextlib.contextmanager
def gunicorn(env: dict, port: int, worker_class: str, log: Path):
    command = [
        str(BIN / "gunicorn"),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        worker_class,
        "--log-level",
        "warning",
        "--error-logfile",
        str(log),
    ]
    if worker_class == "gthread":
        command += ["--threads", str(THREADS)]
    process = subprocess.Popen(  # noqa: S603  (our own virtualenv's gunicorn)
        command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise BenchError(f"gunicorn exited ({process.returncode}):\n{tail(log)}")
            try:
                get(port, "/bench/bare.json")
                break
            except (OSError, http.client.HTTPException):
                if time.monotonic() > deadline:
                    raise BenchError(f"gunicorn did not answer in 60 s:\n{tail(log)}") from None
                time.sleep(0.2)
        yield SimpleNamespace(pid=process.pid, port=port)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn (its master, which stops its workers), and kill whatever is left."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any worker the master left behind


def tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk(
    port: int,
    target: dict,
    seconds: int,
    script: Path,
    numbers_file: Path,
    connections: int = CONNECTIONS,
) -> dict:
    command = [
        WRK,
        "--threads",
        str(min(WRK_THREADS, connections)),
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "--script",
        str(script),
        f"http://127.0.0.1:{port}/",
        "--",
        str(numbers_file),
        target["prefix"],
        target["suffix"],
        target["auth"],
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    out = done.stdout
    if done.returncode != 0 or "Requests/sec" not in out:
        raise BenchError(f"wrk failed ({done.returncode}):\n{out}\n{done.stderr}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    try:
        return {
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
            "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
            "socket_errors": dict(
                zip(["connect", "read", "write", "timeout"], map(int, errors.groups()), strict=True)
            )
            if errors
            else {},
            "raw": out,
        }
    except (AttributeError, ValueError) as error:
        raise BenchError(f"could not read wrk's output ({error}):\n{out}") from error


def check_target(port: int, target: dict, number: str) -> None:
    """One request before the load: the target answers 200 with the expected body."""
    headers = {"Authorization": target["auth"]} if target["auth"] else {}
    status, _, body = get(port, target["prefix"] + number + target["suffix"], headers)
    if status != 200 or target["expect"].encode() not in body:
        raise BenchError(f"{target['name']} answered {status}: {body[:300]!r}")


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
CORES = len(os.sched_getaffinity(0))
LOAD_BEFORE = os.getloadavg()  # before the bench itself adds any load


def _stat(pid: int) -> list[str]:
    # Fields after the command name: state is [0], ppid [1], utime [11], stime [12].
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if int(_stat(int(entry.name))[1]) == pid:
                    found.append(int(entry.name))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used (those still alive)."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = _stat(pid)
            ticks += int(fields[11]) + int(fields[12])
    return ticks / CLOCK_TICKS


def machine_busy_seconds() -> float:
    """CPU time every process on the machine has used since boot (all cores, not idle)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle, iowait = fields[3], fields[4]
    return (sum(fields[:8]) - idle - iowait) / CLOCK_TICKS


def wrk_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk is our only other child
    return usage.ru_utime + usage.ru_stime


def redis_hits(cache) -> tuple[int, int]:
    """(keyspace hits, misses) so far: reads that found their key, and those that did not."""
    if cache is None:
        return 0, 0
    stats = cache.info("stats")
    return int(stats["keyspace_hits"]), int(stats["keyspace_misses"])


def measure(
    server, targets, script: Path, numbers_file: Path, number: str, backends, redis, cache=None
):
    """Each target: one check request and a warm-up, then ROUNDS rounds in which every
    target runs ROUND_SECONDS in turn.

    In turn, because this machine's speed drifts by a quarter within a minute (a shared
    virtual machine): run one after the other, 10 s each, the page measured 0.26 x and
    0.37 x the bare view in two runs of the same code. Each round's ratios compare targets
    measured seconds apart, and the tables give the median round.

    Besides wrk's figures: the CPU time gunicorn's workers and the database's connections
    spent per request (read from /proc; a busy machine distorts it far less than the
    wall-clock figures), and the share of the machine other processes took meanwhile.
    """
    for target in targets:
        check_target(server.port, target, number)
        wrk(server.port, target, WARMUP_SECONDS, script, numbers_file)
    groups = {"workers": children(server.pid), "database": backends(), "redis": redis}
    rounds: dict[str, list[dict]] = {target["name"]: [] for target in targets}
    for _ in range(ROUNDS):
        for target in targets:
            before = {name: cpu_seconds(pids) for name, pids in groups.items()}
            busy, wrk_cpu, wall = machine_busy_seconds(), wrk_cpu_seconds(), time.monotonic()
            hits_before = redis_hits(cache)
            result = wrk(server.port, target, ROUND_SECONDS, script, numbers_file)
            hits, misses = (a - b for a, b in zip(redis_hits(cache), hits_before, strict=True))
            spent = {name: cpu_seconds(pids) - before[name] for name, pids in groups.items()}
            ours = sum(spent.values()) + wrk_cpu_seconds() - wrk_cpu
            result |= {
                "wall": time.monotonic() - wall,
                "others": max(0.0, machine_busy_seconds() - busy - ours),
                "spent": spent,
                "hits": hits,
                "misses": misses,
            }
            if result["non_2xx"] or any(result["socket_errors"].values()):
                raise BenchError(
                    f"{target['name']}: {result['non_2xx']:,} non-2xx responses and socket "
                    f"errors {result['socket_errors']} in a measured run; figures discarded.\n"
                    + result["raw"]
                )
            rounds[target["name"]].append(result)
    results = {}
    for name, runs in rounds.items():
        requests = max(sum(r["requests"] for r in runs), 1)
        hits, misses = sum(r["hits"] for r in runs), sum(r["misses"] for r in runs)
        spent = {group: sum(r["spent"][group] for r in runs) for group in groups}
        results[name] = {
            "rounds": runs,
            "rps": statistics.median(r["rps"] for r in runs),
            "p50": statistics.median(r["p50"] for r in runs),
            "p99": statistics.median(r["p99"] for r in runs),
            "requests": requests,
            "non_2xx": 0,
            "others": sum(r["others"] for r in runs) / (sum(r["wall"] for r in runs) * CORES),
            "worker_cpu_ms": spent["workers"] * 1000 / requests,
            "database_cpu_ms": spent["database"] * 1000 / requests if groups["database"] else None,
            "hit_share": hits / (hits + misses) if hits + misses else None,
            "redis_reads": (hits + misses) / requests,
        }
    return results


def ratio_of(results: dict, name: str, base: str) -> tuple[float, float, float]:
    """The median, lowest and highest of each round's throughput of ``name`` over ``base``."""
    ratios = [
        mine["rps"] / theirs["rps"]
        for mine, theirs in zip(results[name]["rounds"], results[base]["rounds"], strict=True)
    ]
    return statistics.median(ratios), min(ratios), max(ratios)


def bulk_call(port: int, secret: str, numbers: list[str]) -> tuple[float, int]:
    """One POST /api/v1/credentials/verify on a fresh connection: (ms, numbers found)."""
    body = json.dumps({"numbers": numbers})
    headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        start = time.perf_counter()
        connection.request("POST", "/api/v1/credentials/verify", body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        took = (time.perf_counter() - start) * 1000
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(f"bulk verify answered {response.status}: {payload[:300]!r}")
    results = json.loads(payload)["results"]
    if len(results) != len(numbers):
        raise BenchError(f"bulk verify returned {len(results)} results for {len(numbers)}")
    return took, sum(item["found"] for item in results)


# ---------------------------------------------------------------- the run


def main() -> int:
    if WRK is None:
        print(
            "bench_verification needs wrk, the HTTP load generator, on PATH. On Debian or "
            "Ubuntu: sudo apt-get install wrk",
            file=sys.stderr,
        )
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so clean-up runs
    try:
        return run()
    except BenchError as error:
        print(f"\nbench_verification FAILED: {error}", file=sys.stderr)
        return 1


def run() -> int:
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vbench-")))
        database_url, database, backends = stack.enter_context(throwaway_database(workdir))
        cache_url, broker_url, broker, redis_where = stack.enter_context(throwaway_redis())
        port = free_port()
        for key in ("DEBUG", "REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL"):
            os.environ.pop(key, None)
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "bench.verification_settings",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "DATABASE_URL": database_url,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "False",
                "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
                "VERIFICATION_API_RATE_LIMIT": API_RATE_LIMIT,
                "VERIFICATION_PUBLIC_RATE_LIMIT": PUBLIC_RATE_LIMIT,
                "BENCH_STATIC_ROOT": str(workdir / "static"),
                "MEDIA_ROOT": str(workdir / "media"),
                "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
            }
        )
        if cache_url:
            os.environ.update({"REDIS_URL": cache_url, "CELERY_BROKER_URL": broker_url})
        env = dict(os.environ)  # gunicorn's environment: the same as this process's

        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.utils import timezone

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        numbers, last_names, clinic, verifier, secret = build(timezone.localdate())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # a live database has planner statistics
        connection.close()
        setup_seconds = time.perf_counter() - started

        numbers_file = workdir / "numbers.txt"
        shuffled = random.Random(7).sample(numbers, len(numbers))  # noqa: S311
        numbers_file.write_text("\n".join(shuffled) + "\n")
        script = workdir / "rotate.lua"
        script.write_text(WRK_SCRIPT)
        wrk_version = subprocess.run(  # noqa: S603  (wrk from PATH, fixed arguments)
            [WRK, "--version"], capture_output=True, text=True, check=False
        ).stdout.splitlines()[0]
        print_table(
            "Verification over HTTP: set-up",
            [
                ("settings", "cms.settings.production (+ bench URL /bench/bare.json)"),
                ("DEBUG", str(settings.DEBUG)),
                ("database", database),
                (
                    "cache and Celery broker",
                    f"Redis {cache_url} (cache), {broker_url} (broker), {redis_where}; no "
                    "Celery worker "
                    "runs, so checks stay in the Redis stream (verification.answers.STREAM)"
                    if cache_url
                    else f"local-memory cache per process, Celery tasks run inline ({redis_where})",
                ),
                (
                    "CPU cores",
                    f"{CORES}, shared by gunicorn, wrk, the database and Redis; load average "
                    f"{os.getloadavg()[0]:.1f} once the data was built",
                ),
                ("gunicorn", f"--workers {WORKERS}; worker classes: {', '.join(WORKER_CLASSES)}"),
                (
                    "signing key",
                    "none given: nothing measured here signs (production refuses to sign "
                    "without one, so anything that did would fail loudly)",
                ),
                (
                    "rate limits",
                    f"VERIFICATION_API_RATE_LIMIT and VERIFICATION_PUBLIC_RATE_LIMIT set to "
                    f"{API_RATE_LIMIT} so the bench's one key and one address are never "
                    "refused (each request is still counted in the cache)",
                ),
                (
                    "load",
                    f"{wrk_version.split(' Copyright')[0]}, {WRK_THREADS} threads, {CONNECTIONS} "
                    f"connections, {WARMUP_SECONDS} s warm-up per target, then {ROUNDS} rounds "
                    f"of every target in turn for {ROUND_SECONDS} s each, rotating through "
                    f"{len(numbers):,} credential numbers; req/s, median and p99 are the "
                    "median round's",
                ),
                (
                    "data",
                    f"{len(numbers):,} credentials (94% active, 3% expired, 2% suspended, "
                    f"1% revoked); built in {setup_seconds:.0f} s with migrate and collectstatic",
                ),
            ],
        )

        targets = [
            {
                "name": "baseline: bare JSON view",
                "prefix": "/bench/bare.json?n=",
                "suffix": "",
                "auth": "",
                "expect": '"status": "VALID"',
            },
            {
                "name": "API: GET /api/v1/credentials/<number>",
                "prefix": "/api/v1/credentials/",
                "suffix": "",
                "auth": f"Bearer {secret}",
                "expect": '"verification_url"',
            },
            {
                "name": "public page: GET /verify/<number>/",
                "prefix": "/verify/",
                "suffix": "/",
                "auth": "",
                "expect": "Credential check",
            },
        ]
        by_class = {}
        redis_pids = [int(broker.info("server")["process_id"])] if broker else []
        import redis as redis_py

        cache = redis_py.Redis.from_url(cache_url, socket_timeout=10) if cache_url else None
        from verification.answers import STREAM

        queued_before = cache.xlen(STREAM) if cache else 0
        ramps: dict[str, dict[int, dict]] = {}
        for worker_class in WORKER_CLASSES:
            log = workdir / f"gunicorn-{worker_class}.log"
            with gunicorn(env, port, worker_class, log) as server:
                by_class[worker_class] = measure(
                    server, targets, script, numbers_file, numbers[0], backends, redis_pids, cache
                )
                if worker_class == WORKER_CLASSES[0] and RAMP_SECONDS:
                    for target in targets:
                        ramps[target["name"]] = {
                            connections: wrk(
                                server.port, target, RAMP_SECONDS, script, numbers_file, connections
                            )
                            for connections in RAMP
                        }
        queued = (cache.xlen(STREAM) if cache else 0) - queued_before

        base, api, page = (target["name"] for target in targets)
        for worker_class, results in by_class.items():
            label = f"gthread, {THREADS} threads" if worker_class == "gthread" else worker_class
            rows = []
            for name, result in results.items():
                database_cpu = (
                    f", database {result['database_cpu_ms']:.2f} ms"
                    if result["database_cpu_ms"] is not None
                    else ""
                )
                rows += [
                    (
                        name,
                        f"{result['rps']:,.0f} req/s, median {result['p50']:.1f} ms, "
                        f"p99 {result['p99']:.1f} ms, {result['requests']:,} requests, "
                        f"{result['non_2xx']} non-2xx",
                    ),
                    (
                        "  CPU per request",
                        f"gunicorn workers {result['worker_cpu_ms']:.2f} ms{database_cpu} "
                        f"(other processes used {result['others']:.0%} of the machine)",
                    ),
                    (
                        "  Redis reads per request, share that hit",
                        f"{result['redis_reads']:.1f}, "
                        + (
                            f"{result['hit_share']:.1%}"
                            if result["hit_share"] is not None
                            else "no Redis reads"
                        ),
                    ),
                ]
            for name, shown in ((api, "API"), (page, "public page")):
                median, low, high = ratio_of(results, name, base)
                rows.append(
                    (
                        f"{shown} throughput / baseline",
                        f"{median:.2f} (median of {ROUNDS} rounds; {low:.2f} to {high:.2f})",
                    )
                )
            print_table(f"gunicorn {WORKERS} workers, {label}", rows)

        if ramps:
            rows = []
            for name, by_connections in ramps.items():
                rows.append(
                    (
                        name,
                        "; ".join(
                            f"{connections}: {r['rps']:,.0f} req/s p99 {r['p99']:.1f} ms"
                            for connections, r in by_connections.items()
                        ),
                    )
                )
            print_table(
                f"Ramp ({WORKER_CLASSES[0]}, {RAMP_SECONDS} s per step; connections: req/s, p99)",
                rows,
            )

        best = max(by_class, key=lambda worker_class: by_class[worker_class][api]["rps"])
        best_base = max(by_class, key=lambda worker_class: by_class[worker_class][base]["rps"])
        chosen = by_class[best]
        ratio = ratio_of(chosen, api, base)[0]
        p99 = chosen[api]["p99"]
        page_ratio = ratio_of(chosen, page, base)[0]
        verdict = [
            (
                "worker class used for the aims",
                f"{best} (fastest for the API"
                + (
                    " and the baseline)"
                    if best == best_base
                    else f"; {best_base} was faster for the baseline)"
                ),
            ),
            (
                f"aim: API >= {AIM_RATIO} x baseline (stretch {STRETCH_RATIO})",
                f"{'MET' if ratio >= AIM_RATIO else 'NOT MET'}"
                f"{', stretch MET' if ratio >= STRETCH_RATIO else ''} ({ratio:.2f} x: "
                f"{chosen[api]['rps']:,.0f} / {chosen[base]['rps']:,.0f} req/s)",
            ),
            (
                f"aim: public page >= {AIM_PAGE_RATIO} x baseline",
                f"{'MET' if page_ratio >= AIM_PAGE_RATIO else 'NOT MET'} ({page_ratio:.2f} x)",
            ),
            (
                f"aim: API p99 <= {AIM_P99_MS:.0f} ms at {CONNECTIONS} connections",
                f"{'MET' if p99 <= AIM_P99_MS else 'NOT MET'} (p99 {p99:.1f} ms at "
                f"{chosen[api]['rps']:,.0f} req/s; with {CONNECTIONS} connections always "
                f"busy the mean latency is {CONNECTIONS} / throughput = "
                f"{CONNECTIONS / chosen[api]['rps'] * 1000:.0f} ms)",
            ),
            (
                "gunicorn CPU per request, API / baseline",
                f"{chosen[api]['worker_cpu_ms']:.2f} / {chosen[base]['worker_cpu_ms']:.2f} ms "
                f"= {chosen[api]['worker_cpu_ms'] / chosen[base]['worker_cpu_ms']:.1f} x "
                "(the load-independent part of the gap)",
            ),
            (
                "checks appended to the Redis stream during the runs",
                f"{queued:,} (stored by the drain-checks beat task; no worker runs here)"
                if cache
                else "none: recorded inline (no Redis)",
            ),
        ]

        # One bulk call of 500 numbers over HTTP, under the chosen worker class.
        rng = random.Random(500)  # noqa: S311  (a repeatable sample, not a secret)
        with gunicorn(env, port, best, workdir / "gunicorn-bulk.log"):
            samples, found = [], 0
            for run_number in range(5 + BULK_RUNS):
                took, found = bulk_call(port, secret, rng.sample(numbers, BULK_NUMBERS))
                if found != BULK_NUMBERS:
                    raise BenchError(f"bulk verify found {found} of {BULK_NUMBERS} numbers")
                if run_number >= 5:
                    samples.append(took)
        from verification.services import Channel, bulk_check_run, credentials_verify

        # The in-process figures below, as a web worker runs them once loaded (cms/wsgi.py
        # freezes what is loaded out of the garbage collector's full collections).
        gc.collect()
        gc.freeze()

        def in_process_bulk():
            credentials_verify(
                checks=[(number, None) for number in rng.sample(numbers, BULK_NUMBERS)],
                channel=Channel.API,
                organisation_id=clinic.pk,
            )

        in_process = []
        for run_number in range(3 + BULK_RUNS):
            start = time.perf_counter()
            in_process_bulk()
            if run_number >= 3:
                in_process.append((time.perf_counter() - start) * 1000)

        # A 10,000-row CSV check, in this process.
        from django.core.files.uploadedfile import SimpleUploadedFile

        content = csv_upload(numbers, last_names)
        csv_samples, matched = [], 0
        for run_number in range(1 + CSV_RUNS):
            upload = SimpleUploadedFile("staff.csv", content, content_type="text/csv")
            start = time.perf_counter()
            checked = bulk_check_run(
                organisation=clinic, upload=upload, created_by=verifier, add_to_roster=False
            )
            took = (time.perf_counter() - start) * 1000
            matched = sum(row["result"] != "NO MATCH" for row in checked.results)
            if run_number >= 1:
                csv_samples.append(took)
        if matched != len(numbers):
            raise BenchError(f"the CSV check matched {matched:,} of {len(numbers):,} rows")

        verdict += [
            (
                f"bulk API call, {BULK_NUMBERS} numbers (POST /api/v1/credentials/verify)",
                f"{'MET' if statistics.median(samples) <= AIM_BULK_MS else 'NOT MET'} "
                f"(aim <= {AIM_BULK_MS:.0f} ms): "
                f"{statistics.median(samples):.0f} ms median of {BULK_RUNS} over HTTP "
                f"({found} found); credentials_verify alone in-process "
                f"{statistics.median(in_process):.0f} ms",
            ),
            (
                f"CSV check, {len(numbers):,} rows (bulk_check_run, in-process)",
                f"{statistics.median(csv_samples):.0f} ms median of {CSV_RUNS} "
                f"({matched:,} rows matched, {len(content) / 1024:.0f} KB, not added to roster)",
            ),
        ]
        busiest = max(r["others"] for results in by_class.values() for r in results.values())
        verdict.append(
            (
                "machine",
                f"{CORES} CPU cores; load average when the bench started {LOAD_BEFORE[0]:.2f} "
                f"(1 min), {LOAD_BEFORE[1]:.2f} (5 min); other processes used up to "
                f"{busiest:.0%} of the machine during a measured run",
            )
        )
        if LOAD_BEFORE[0] > 0.5 * CORES:  # half the cores already taken
            verdict.append(
                (
                    "WARNING",
                    f"other processes were busy before the bench began (load average "
                    f"{LOAD_BEFORE[0]:.2f} on {CORES} cores): every figure above is noisy",
                )
            )
        if busiest > BUSY:
            verdict.append(
                (
                    "WARNING",
                    f"the machine was busy: other processes used up to {busiest:.0%} of its "
                    f"{CORES} cores during a measured run, which slows every database and "
                    "Redis round trip and so the API far more than the bare view. Rerun on a "
                    "quiet machine; the CPU per request above is less affected",
                )
            )
        print_table("Verification: aims and bulk checks", verdict)
    return 0


if __name__ == "__main__":
    sys.exit(main())
