"""A cold load of a large library on every core: files parsed ahead in worker processes.

Parsing and validating is Python work, one core per process: at 10,000 files a cold load
is seconds of it. Past PARALLEL_MIN files that the snapshot cannot give, the files are
cut into chunks that this process and one worker process per further core (or
$ATLAS_LOAD_WORKERS of them) take in turn until none is left, so no core waits whatever
the load. A worker gives back the files that loaded cleanly, a case as its bytes and table
row (atlas/case_store.py), so this process builds none of them; a file with any problem
is parsed again here, so every problem is found, worded and placed by the same
code as always.

A worker is a plain `python` running `serve()`, fed chunks on its standard input: not
multiprocessing, which would run the parent's main script again in every worker (under
Streamlit, that is the app itself). If a worker cannot start or stops, the files it did
not give back are parsed here, as without workers.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from atlas.case_store import store
from atlas.problems import Problem
from atlas.schema import Case

PARALLEL_MIN = 400  # fewer files parse in less time than a worker takes to start
CHUNK = 100  # files per turn: small enough to share out evenly, large enough to be cheap
ROOT = Path(__file__).resolve().parent.parent
Parse = Callable[[Path, type[BaseModel]], tuple[BaseModel | None, list[Problem]]]
_SIZE = struct.Struct("<Q")


WORKERS_ENV_VAR = "ATLAS_LOAD_WORKERS"  # how many workers; 0 for none


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers() -> int:
    """$ATLAS_LOAD_WORKERS (a container limited to fewer cores than it sees sets it), else
    one worker per core beside this process's."""
    try:
        return max(0, int(os.environ[WORKERS_ENV_VAR]))
    except (KeyError, ValueError):
        return cores() - 1


def parse_ahead(paths: list[Path], model: type[BaseModel], parse: Parse) -> Parse:
    """`parse`, answered from files parsed ahead in parallel when there are enough of them."""
    ready = _parse_all(paths, model, parse) if len(paths) >= PARALLEL_MIN and workers() else {}

    def parsed(path: Path, asked: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
        item = ready.pop(str(path), None) if asked is model else None
        return (item, []) if item is not None else parse(path, asked)

    return parsed


def _parse_all(paths: list[Path], model: type[BaseModel], parse: Parse) -> dict[str, BaseModel]:
    """The models of the files that loaded cleanly, by path; the others are left out."""
    todo = deque([str(p) for p in paths[i : i + CHUNK]] for i in range(0, len(paths), CHUNK))
    ready: dict[str, BaseModel] = {}
    feeders = [threading.Thread(target=_feed, args=(todo, model, ready)) for _ in range(workers())]
    for feeder in feeders:
        feeder.start()
    while True:
        try:
            chunk = todo.popleft()  # this process from the front, workers from the back
        except IndexError:
            break
        ready.update(_clean(chunk, model, parse))
    for feeder in feeders:
        feeder.join()
    return ready


def _feed(todo: deque, model: type[BaseModel], ready: dict[str, BaseModel]) -> None:
    """One worker's turns: a chunk out, its clean models back, until no chunk is left."""
    try:
        worker = subprocess.Popen(
            worker_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return  # no worker: this process parses its share
    try:
        while True:
            try:
                chunk = todo.pop()
            except IndexError:
                break
            worker.stdin.write(json.dumps([model.__name__, chunk]).encode() + b"\n")
            worker.stdin.flush()
            size = worker.stdout.read(_SIZE.size)
            if len(size) < _SIZE.size:
                todo.append(chunk)  # the worker stopped: its chunk goes back
                break
            ready.update(pickle.loads(worker.stdout.read(_SIZE.unpack(size)[0])))
    except Exception:  # a broken pipe or reply: what the worker did not
        pass  # give back is parsed here, as without workers
    finally:
        worker.kill()
        worker.wait()


def worker_command() -> list[str]:
    """How a worker starts: this Python, this package, serve()."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); import atlas.parallel_load as p; p.serve()"
    )
    return [sys.executable, "-c", code]


def serve() -> None:
    """In a worker: for each line `[model name, [path, ...]]` read, write the clean models."""
    from atlas import schema
    from atlas.loader import gc_paused, load_model

    out = sys.stdout.buffer
    with gc_paused():
        for line in sys.stdin.buffer:
            name, chunk = json.loads(line)
            found = pickle.dumps(_clean(chunk, getattr(schema, name), load_model), protocol=5)
            out.write(_SIZE.pack(len(found)) + found)
            out.flush()


def _clean(chunk: list[str], model: type[BaseModel], parse: Parse) -> dict[str, object]:
    """The clean files' items by path: a case as a StoredCase (its bytes and table row,
    made here, in parallel: the server then builds no case at all)."""
    keep = store if model is Case else None
    found = {}
    for name in chunk:
        item, problems = parse(Path(name), model)
        if item is not None and not problems:
            found[name] = keep(item) if keep else item
    return found
