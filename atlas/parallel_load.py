"""A cold load of a large library on every core: files parsed ahead in worker processes.

Parsing and validating is Python work, one core per process: at 10,000 files a cold load
is seconds of it. Past PARALLEL_MIN files that the snapshot cannot give, the files are
cut into chunks and handed to worker processes, while this process takes chunks itself
(each chunk no worker has started yet), so no core waits. A worker gives back the models
of the files that loaded cleanly; a file with any problem is parsed again here, so every
problem is found, worded and placed by the same code as always. Workers start from a
fork server (never a fork of a process with threads, as Streamlit's is), and if they
cannot start at all, the files are parsed here as before.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel

from atlas.problems import Problem

PARALLEL_MIN = 400  # fewer files parse in less time than workers take to start
CHUNK = 100  # files per task: small enough to share out evenly, large enough to be cheap
Parse = Callable[[Path, type[BaseModel]], tuple[BaseModel | None, list[Problem]]]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_ahead(paths: list[Path], model: type[BaseModel], parse: Parse) -> Parse:
    """`parse`, answered from files parsed ahead in parallel when there are enough of them."""
    ready = _parse_all(paths, model, parse) if len(paths) >= PARALLEL_MIN and cores() > 1 else {}

    def parsed(path: Path, asked: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
        item = ready.pop(str(path), None) if asked is model else None
        return (item, []) if item is not None else parse(path, asked)

    return parsed


def _parse_all(paths: list[Path], model: type[BaseModel], parse: Parse) -> dict[str, BaseModel]:
    """The models of the files that loaded cleanly, by path; the others are left out."""
    chunks = [[str(p) for p in paths[i : i + CHUNK]] for i in range(0, len(paths), CHUNK)]
    ready: dict[str, BaseModel] = {}
    try:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["atlas.loader"])
        with ProcessPoolExecutor(cores() - 1, mp_context=context) as pool:
            futures = [pool.submit(clean_models, chunk, model) for chunk in chunks]
            for chunk, future in zip(reversed(chunks), reversed(futures), strict=True):
                if future.cancel():  # no worker took it yet: this process parses it
                    ready.update(_clean(chunk, model, parse))
            for future in futures:
                if not future.cancelled():
                    ready.update(_result(future))
    except (OSError, RuntimeError, ImportError):  # workers could not start: parse here
        pass
    return ready


def _result(future: Future) -> dict[str, BaseModel]:
    try:
        return future.result()
    except Exception:  # a worker that died leaves its files to be parsed here
        return {}


def clean_models(chunk: list[str], model: type[BaseModel]) -> dict[str, BaseModel]:
    """In a worker: the models of the files in `chunk` that load without any problem."""
    from atlas.loader import gc_paused, load_model

    with gc_paused():
        return _clean(chunk, model, load_model)


def _clean(chunk: list[str], model: type[BaseModel], parse: Parse) -> dict[str, BaseModel]:
    found = {}
    for name in chunk:
        item, problems = parse(Path(name), model)
        if item is not None and not problems:
            found[name] = item
    return found
