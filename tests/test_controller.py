"""The session controller without Textual: apply outcomes, the save ceiling, outside
changes, the lock and undo. Time is a manual clock; nothing sleeps."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fagworkshop.domain import changes
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.i18n import set_language
from fagworkshop.store.errors import SessionLocked
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.controller import Applied, Refused, SessionController
from fagworkshop.tui.save_store import Cancellable, Conflict, SaveJob, SaveState


@dataclass
class FakeHost:
    """Timers on a manual clock; saves run at once, on this thread, unless ``hold``."""

    now: float = 0.0
    timers: list[tuple[float, Callable[[], None], list[bool]]] = field(default_factory=list)
    controller: SessionController | None = None
    hold: bool = False
    held: list[SaveJob] = field(default_factory=list)
    saves: list[float] = field(default_factory=list)  # when each save ran
    status_changes: int = 0

    def clock(self) -> float:
        return self.now

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        alive = [True]
        self.timers.append((self.now + delay, callback, alive))

        class Handle:
            def stop(self) -> None:
                alive[0] = False

        return Handle()

    def run_save(self, job: SaveJob) -> None:
        assert self.controller is not None
        self.saves.append(self.now)
        if self.hold:
            self.held.append(job)
            return
        self.controller.finish_save(self.controller.write(job))

    def release(self) -> None:
        assert self.controller is not None
        while self.held:
            job = self.held.pop(0)
            self.controller.finish_save(self.controller.write(job))

    def save_state_changed(self) -> None:
        self.status_changes += 1

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while True:
            live = [t for t in self.timers if t[2][0] and t[0] <= end]
            if not live:
                break
            due, callback, alive = min(live, key=lambda item: item[0])
            alive[0] = False
            self.now = max(self.now, due)
            callback()
        self.timers = [t for t in self.timers if t[2][0]]
        self.now = end


def small() -> Session:
    return generate_session(staff=3, competences=6, rounds=1, seed=2)


def opened(tmp_path: Path, **kwargs: Any) -> tuple[SessionController, FakeHost, Path]:
    session = small()
    path = tmp_path / "w.toml"
    save_session(session, path)
    host = FakeHost()
    ctl = SessionController(
        load_session(path),
        path,
        host,
        clock=host.clock,
        stamp=None,
        **kwargs,
    )
    ctl.stamp = ctl.store.stamp(path)
    host.controller = ctl
    return ctl, host, path


def cell(ctl: SessionController) -> tuple[str, str]:
    person = ctl.session.staff[0]
    return person.id, ctl.session.relevant_competences(person)[0]


def test_apply_returns_a_typed_outcome(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    done = ctl.apply(changes.add_decision, 1, "Vi tager det")
    assert isinstance(done, Applied) and done.value.text == "Vi tager det"
    refused = ctl.apply(changes.add_decision, 1, "   ")
    assert isinstance(refused, Refused) and refused.reason and not refused
    none_value = ctl.apply(changes.set_step_notes, 1, "x")
    assert isinstance(none_value, Applied) and none_value.value is None and none_value
    assert ctl.version == 2  # the refused change did not count


def test_a_quiet_change_is_saved_after_the_delay(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path)
    ctl.apply(changes.add_decision, 1, "en")
    assert ctl.state is SaveState.PENDING
    host.advance(0.29)
    assert host.saves == []
    host.advance(0.02)
    assert len(host.saves) == 1
    assert ctl.state is SaveState.SAVED
    assert load_session(path).step(1).decisions[0].text == "en"


def test_steady_typing_is_saved_at_least_every_second(tmp_path: Path) -> None:
    """Was: a key every 0.15 s saved nothing for a minute (a pure debounce)."""
    ctl, host, path = opened(tmp_path)
    person, competence = cell(ctl)
    levels = ctl.session.level_numbers()
    last_saved_version = 0
    worst = 0.0
    changed_at: dict[int, float] = {}
    for n in range(200):  # 30 seconds at one key every 0.15 s
        ctl.apply(changes.set_rating, person, competence, levels[n % len(levels)])
        changed_at[ctl.version] = host.now
        host.advance(0.15)
        if ctl.saved_version > last_saved_version:
            oldest = changed_at[last_saved_version + 1]
            worst = max(worst, host.saves[-1] - oldest)
            last_saved_version = ctl.saved_version
    assert len(host.saves) >= 30
    assert worst <= 1.0, worst
    host.advance(1.0)
    assert not ctl.dirty and ctl.state is SaveState.SAVED


def test_status_never_says_saved_while_a_save_is_in_flight(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    ctl.apply(changes.add_decision, 1, "en")
    host.advance(1.0)
    assert ctl.state is SaveState.SAVED
    host.hold = True
    ctl.apply(changes.add_decision, 1, "to")
    host.advance(1.0)
    assert host.held and ctl.saving
    ctl.apply(changes.add_decision, 1, "tre")  # typed while the save runs
    assert ctl.state is SaveState.PENDING
    host.release()
    assert ctl.state is SaveState.PENDING  # "tre" is not in that save
    host.hold = False
    host.advance(1.0)
    assert ctl.state is SaveState.SAVED and not ctl.dirty


def test_a_file_changed_outside_is_never_overwritten(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path)
    ctl.apply(changes.add_decision, 1, "mit")
    host.advance(1.0)
    theirs = load_session(path)
    theirs.title = "Rettet i hånden"
    save_session(theirs, path)
    on_disk = path.read_bytes()
    ctl.apply(changes.add_decision, 1, "mere")
    host.advance(1.0)
    assert ctl.conflict is Conflict.OUTSIDE
    assert ctl.state is SaveState.BLOCKED
    assert path.read_bytes() == on_disk
    # autosave has stopped: more changes stay in memory
    ctl.apply(changes.add_decision, 1, "endnu mere")
    host.advance(5.0)
    assert path.read_bytes() == on_disk
    assert ctl.unsaved_on_quit
    # save mine as a copy beside it
    copy = tmp_path / "w (kopi).toml"
    assert ctl.save_copy(copy) is None
    assert [d.text for d in load_session(copy).step(1).decisions] == [
        "mit",
        "mere",
        "endnu mere",
    ]
    assert path.read_bytes() == on_disk
    # or overwrite, when the user says so
    assert ctl.resolve_overwrite()
    assert load_session(path).title != "Rettet i hånden"
    assert ctl.state is SaveState.SAVED


class LostLock:
    held = True

    def still_ours(self) -> bool:
        return False

    def release(self) -> None:
        pass

    def acquire(self) -> None:
        raise SessionLocked(Path("x"))


def test_a_lost_lock_stops_autosave(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path, lock=LostLock())
    before = path.read_bytes()
    ctl.apply(changes.add_decision, 1, "mit")
    host.advance(1.0)
    assert ctl.conflict is Conflict.LOCK and path.read_bytes() == before
    assert not ctl.resolve_overwrite()  # the other program still has it
    assert path.read_bytes() == before


def test_failed_save_is_retried_and_the_status_tells(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path)
    ctl.path = tmp_path  # a folder: the store refuses
    ctl.apply(changes.add_decision, 1, "først")
    host.advance(1.0)
    assert ctl.state is SaveState.FAILED and ctl.save_error
    assert ctl.unsaved_on_quit
    ctl.path = path
    ctl.apply(changes.add_decision, 1, "igen")
    host.advance(1.0)
    assert ctl.state is SaveState.SAVED
    assert len(load_session(path).step(1).decisions) == 2


def test_read_only_never_saves_and_quitting_knows_there_are_edits(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path, read_only=True)
    before = path.read_bytes()
    assert not ctl.unsaved_on_quit
    ctl.apply(changes.add_decision, 1, "ikke gemt")
    host.advance(2.0)
    assert ctl.save_now() is False or ctl.read_only
    assert path.read_bytes() == before
    assert ctl.state is SaveState.READ_ONLY and ctl.unsaved_on_quit


def test_undo_and_redo_name_the_change(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    person, competence = cell(ctl)
    levels = ctl.session.level_numbers()
    old = ctl.session.rating(person, competence) if hasattr(ctl.session, "rating") else None
    ctl.apply(changes.set_rating, person, competence, levels[-1])
    label = ctl.undo_label
    assert label is not None and label.startswith("niveau for ")
    assert " på B" in label or " på E" in label
    undone = ctl.undo()
    assert isinstance(undone, Applied) and undone.value == label
    ratings = ctl.session.rounds[-1].ratings.get(person, {})
    assert ratings.get(competence) != levels[-1] or old == levels[-1]
    redone = ctl.redo()
    assert isinstance(redone, Applied)
    assert ctl.session.rounds[-1].ratings[person][competence] == levels[-1]
    assert isinstance(ctl.redo(), Refused)


def test_undo_keeps_the_session_object_and_saves(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path)
    session = ctl.session
    ctl.apply(changes.add_decision, 1, "en")
    host.advance(1.0)
    ctl.undo()
    assert ctl.session is session and session.step(1).decisions == []
    assert ctl.dirty
    host.advance(1.0)
    assert load_session(path).step(1).decisions == []


def test_undo_holds_at_least_100_steps_across_steps(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    for n in range(120):
        step = 1 + n % 7
        ctl.apply(changes.go_to_step, step)
        ctl.apply(changes.add_decision, step, f"aftale {n}")
    undone = 0
    while ctl.can_undo:
        assert isinstance(ctl.undo(), Applied)
        undone += 1
    assert undone >= 100
    total = sum(len(ctl.session.step(s).decisions) for s in range(1, 8))
    assert total == 120 - undone


def test_typing_one_field_is_one_undo_step(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    for n in range(1, 6):
        ctl.apply(changes.set_frame_text, "jobcenter", "Jobcenter X"[: n + 5])
    ctl.apply(changes.set_frame_text, "unit", "Team")
    assert ctl.undo_label == "enhed i rammen"
    ctl.undo()
    assert ctl.undo_label == "jobcenter i rammen"
    ctl.undo()
    assert ctl.session.frame.jobcenter == small().frame.jobcenter


def test_what_undo_names_follows_the_language_switch(tmp_path: Path) -> None:
    """Was: a change made in Danish was named in Danish after the switch to English
    ("Undo: ny handling" in the English footer and message): the name was kept as text."""
    ctl, _, _ = opened(tmp_path)
    person = ctl.session.staff[0]
    ctl.apply(changes.set_frame_text, "unit", "Team")
    ctl.apply(changes.set_rating, person.id, ctl.session.basics[0].id, 2)
    assert ctl.undo_label is not None and ctl.undo_label.startswith("niveau for ")
    set_language("en")
    assert ctl.undo_label is not None and ctl.undo_label.startswith("level of ")
    undone = ctl.undo()
    assert isinstance(undone, Applied) and str(undone.value).startswith("level of ")
    assert ctl.undo_label == "unit in the frame"
    assert ctl.redo_label is not None and ctl.redo_label.startswith("level of ")
    set_language("da")
    assert ctl.undo_label == "enhed i rammen"


def test_each_saved_staff_form_is_an_undo_step_of_its_own(tmp_path: Path) -> None:
    # the form saves a person in one change (name, role, profiles); two people edited in
    # turn were one undo step before (update_person coalesced like typing in a field)
    ctl, host, _ = opened(tmp_path)
    staff = ctl.session.staff
    first_name = staff[0].name
    ctl.apply(changes.update_person, staff[0].id, name="Ny Et", profiles=list(staff[0].profiles))
    ctl.apply(changes.update_person, staff[1].id, name="Ny To", profiles=list(staff[1].profiles))
    ctl.undo()  # the session's people are restored objects: read them again
    assert ctl.session.staff[1].name != "Ny To" and ctl.session.staff[0].name == "Ny Et"
    ctl.undo()
    assert ctl.session.staff[0].name == first_name


def test_erasing_a_person_is_final(tmp_path: Path) -> None:
    ctl, host, _ = opened(tmp_path)
    person = ctl.session.staff[0]
    ctl.apply(changes.add_decision, 1, "før")
    ctl.apply(changes.erase_person, person.id)
    assert not ctl.can_undo and isinstance(ctl.undo(), Refused)
    assert ctl.session.person(person.id) is None
    # no state left in the history holds the person
    assert person.name not in repr(ctl.history.undo) + repr(ctl.history.redo)


def test_controller_never_imports_textual() -> None:
    code = (
        "import sys; import fagworkshop.tui.controller; "
        "sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_undo_steps_share_the_ratings_that_did_not_change(tmp_path: Path) -> None:
    """A hundred undo steps must not hold a hundred copies of every person's ratings.

    Since issue 13 a rating's undo step holds only the rated person's part of the round
    (it held a whole snapshot, sharing the unchanged people): nobody else's ratings at all.
    """
    ctl, host, _ = opened(tmp_path)
    person, competence = cell(ctl)
    levels = ctl.session.level_numbers()
    for n in range(100):
        ctl.apply(changes.set_rating, person, competence, levels[n % len(levels)])
    others = [p.id for p in ctl.session.staff if p.id != person]
    for entry in ctl.history.undo:
        assert entry.plain is None and entry.part is not None
        assert entry.part.person_id == person
        assert not any(other in repr(entry.part) for other in others)
    # and a kept part is never the session's own (changing the session leaves it be)
    live = ctl.session.rounds[-1].ratings[person]
    assert all(e.part and e.part.entries["ratings"] is not live for e in ctl.history.undo)


def test_overwrite_replaces_only_what_the_user_was_shown(tmp_path: Path) -> None:
    ctl, host, path = opened(tmp_path)
    ctl.apply(changes.add_decision, 1, "mit")
    host.advance(1.0)
    path.write_bytes(path.read_bytes()[:200])  # cut short by a copy that broke off
    ctl.apply(changes.add_decision, 1, "mere")
    host.advance(1.0)
    assert ctl.conflict is Conflict.OUTSIDE
    shown = ctl.disk_stamp
    path.write_bytes(path.read_bytes() + b"# yet another change\n")  # changed again
    assert not ctl.resolve_overwrite()  # not what the user was shown: not overwritten
    assert ctl.conflict is Conflict.OUTSIDE and ctl.disk_stamp != shown
    assert ctl.resolve_overwrite()  # now they have seen this one
    assert [d.text for d in load_session(path).step(1).decisions] == ["mit", "mere"]
