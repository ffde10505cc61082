"""What a save may take over from the save before: the text and checks of unchanged parts.

Saving 2,000 staff x 120 competences x 2 rounds turns about 4,000 rating lines and
2,000 people into TOML and checks them: about 0.2 s of pure Python, which holds the
interpreter while the person at the keyboard types. After one key, one line changed.

The session controller (``tui.controller``) hands the store plain data in which every
part that did not change is the very same object as in the version before, and no part
is ever changed once handed over. Under that promise a part's text, and the verdict of
its checks, can be looked up by the part's identity. :class:`SaveMemo` keeps them from
one save to the next, in two levels: a whole part in its place (the staff, a round's
ratings, the frame) and, inside it, its items (a person, a person's rating line). When
the whole part is the same object, its text is taken over at once; when it is new, each
item that is still the same object is.

Only a caller that keeps the promise passes a memo (``tui.save_store.SessionStore``);
``save_session`` without one takes nothing from earlier saves. A memo holds a
reference to every part it remembers (so an identity is never reused for another
object while it is remembered), and only the parts of the latest save in each place:
an item the last save did not have is dropped. :meth:`SaveMemo.forget` drops
everything at once (a person was erased).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

V = TypeVar("V")

Found = dict[int, tuple[object, Any]]


class Items:
    """The items of one whole part: looked up among those of the part's last version,
    collected anew for this one."""

    def __init__(self, before: Found) -> None:
        self._before = before
        self.found: Found = {}

    def peek(self, item: object) -> tuple[bool, Any]:
        """Whether ``item`` is the same object as one of the last version, and its value."""
        key = id(item)
        found = self.found.get(key) or self._before.get(key)
        if found is not None and found[0] is item:
            self.found[key] = found
            return True, found[1]
        return False, None

    def put(self, item: object, value: object) -> None:
        """Remember ``value`` for ``item``."""
        self.found[id(item)] = (item, value)

    def get(self, item: object, make: Callable[[], V]) -> V:
        """What ``make()`` gives for ``item``, taken over when it is the same object."""
        known, value = self.peek(item)
        if known:
            kept: V = value
            return kept
        made = make()
        self.put(item, made)
        return made


class SaveMemo:
    """Text and verdicts of the last save, by place (``kind``) and the identity of the part
    there. One save at a time uses a memo: :meth:`using` gives it to the caller, or None
    when another save holds it (that save then goes without)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._whole: dict[str, tuple[object, Any]] = {}
        self._items: dict[str, Found] = {}
        self._used: set[str] = set()
        self._contexts: dict[str, tuple[object, str]] = {}
        self._generation = 0

    @contextmanager
    def using(self) -> Iterator[SaveMemo | None]:
        """Hold the memo for one save; afterwards it keeps only the places that save had."""
        if not self._lock.acquire(blocking=False):
            yield None  # another thread is saving with it: this save starts from nothing
            return
        self._used = set()
        try:
            yield self
            for kind in set(self._whole) - self._used:  # a round that is gone, say
                del self._whole[kind]
                self._items.pop(kind, None)
        finally:
            self._lock.release()

    def get(self, kind: str, part: object, make: Callable[[Items], V]) -> V:
        """What ``make(items)`` gives for the part in place ``kind``: taken over when it is
        the same object as last time; else made, ``items`` offering what the part's last
        version had for each of its items. An exception from ``make`` is passed on and
        the place keeps what it had."""
        self._used.add(kind)
        found = self._whole.get(kind)
        if found is not None and found[0] is part:
            value: V = found[1]
            return value
        items = Items(self._items.get(kind, {}))
        made = make(items)
        self._whole[kind] = (part, made)
        self._items[kind] = items.found
        return made

    def context(self, name: str, value: object) -> str:
        """A name for what verdicts depend on (the staff, competences and scale a rating
        line was checked against): the same while ``value`` stays equal, never used again
        once it changed. Verdicts kept in places named with it hold for ``value``."""
        kept = self._contexts.get(name)
        if kept is None or kept[0] != value:
            if kept is not None:  # what was checked against the old value is of no use
                for kind in [k for k in self._whole if k.startswith(kept[1] + ".")]:
                    del self._whole[kind]
                    self._items.pop(kind, None)
            self._generation += 1
            kept = (value, f"{name}.{self._generation}")
            self._contexts[name] = kept
        return kept[1]

    def forget(self) -> None:
        """Drop everything remembered (a person was erased: none of their text stays)."""
        with self._lock:
            self._whole = {}
            self._items = {}
            self._contexts = {}

    def __len__(self) -> int:
        """How many parts and items are remembered (for tests)."""
        return len(self._whole) + sum(len(found) for found in self._items.values())

    def texts(self) -> Iterator[Any]:
        """Every value remembered (for tests: what text a memo still holds)."""
        for _, value in self._whole.values():
            yield value
        for found in self._items.values():
            for _, value in found.values():
                yield value
