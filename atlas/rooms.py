"""Presentation rooms: one presentation shown in two windows, the audience's and the
speaker's, kept in step through the server.

A room is a short random id that both windows carry in their URL (`room=...`); the slide
it is on lives here, shared by every session of one server process (the app keeps one
`Rooms` in `st.cache_resource`). Each window moves the room when its presenter steps, and
follows the room when the other window did. Rooms untouched for half a day are dropped.
With several replicas behind a proxy, both windows of one presenter come from the same
address, so sticky sessions (`ip_hash`) keep them on one replica.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

IDLE_SECONDS = 12 * 3600


def new_room_id() -> str:
    return secrets.token_hex(5)  # 10 letters and digits: unguessable enough for a meeting


@dataclass(frozen=True)
class Room:
    slide: int
    started: float  # when the room was opened (time.monotonic): the talk's elapsed time
    changed: float


class Rooms:
    def __init__(self, clock=time.monotonic) -> None:
        self._rooms: dict[str, Room] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def get(self, room_id: str) -> Room | None:
        with self._lock:
            return self._rooms.get(room_id)

    def open(self, room_id: str, slide: int) -> Room:
        """The room, opened at `slide` if it is not open yet."""
        with self._lock:
            self._prune()
            room = self._rooms.get(room_id)
            if room is None:
                now = self._clock()
                room = self._rooms[room_id] = Room(slide, now, now)
            return room

    def move(self, room_id: str, slide: int) -> Room:
        with self._lock:
            now = self._clock()
            old = self._rooms.get(room_id)
            room = self._rooms[room_id] = Room(slide, old.started if old else now, now)
            return room

    def elapsed(self, room_id: str) -> float:
        room = self.get(room_id)
        return 0.0 if room is None else max(0.0, self._clock() - room.started)

    def _prune(self) -> None:
        cutoff = self._clock() - IDLE_SECONDS
        for key in [k for k, r in self._rooms.items() if r.changed < cutoff]:
            del self._rooms[key]


def minutes_seconds(seconds: float) -> str:
    """Elapsed time as m:ss (and h:mm:ss past an hour)."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
