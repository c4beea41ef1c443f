import pytest

from atlas.rooms import IDLE_SECONDS, Rooms, minutes_seconds, new_room_id
from atlas.url_params import TOKEN


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_two_windows_share_the_rooms_slide():
    clock = Clock()
    rooms = Rooms(clock)
    assert rooms.get("abc123") is None
    assert rooms.open("abc123", 3).slide == 3
    assert rooms.open("abc123", 1).slide == 3  # opening again joins, it does not move
    clock.now += 65
    rooms.move("abc123", 4)
    assert rooms.get("abc123").slide == 4
    assert rooms.elapsed("abc123") == 65  # the talk's time runs from the opening
    assert rooms.elapsed("nope12") == 0


def test_rooms_left_idle_for_half_a_day_are_dropped():
    clock = Clock()
    rooms = Rooms(clock)
    rooms.open("old111", 1)
    clock.now += IDLE_SECONDS + 1
    rooms.open("new222", 1)
    assert rooms.get("old111") is None and rooms.get("new222") is not None


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0, "0:00"), (59.9, "0:59"), (61, "1:01"), (3725, "1:02:05")]
)
def test_elapsed_time_reads_as_minutes_and_seconds(seconds, shown):
    assert minutes_seconds(seconds) == shown


def test_a_new_room_id_is_a_valid_room_parameter():
    ids = {new_room_id() for _ in range(50)}
    assert len(ids) == 50 and all(TOKEN.match(i) for i in ids)
