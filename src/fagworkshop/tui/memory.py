"""The garbage collector while a workshop is open (hukommelse): what it walks, and how often.

Measured in the real program at 300 staff, a tour of the seven steps twice spent
about 7 s of processor time in the cyclic garbage collector (gen0 1.5 s, gen1
2.4 s, gen2 2.8 s); at 2,000 staff single full collections took 0.3 to 0.7 s,
several per step switch, because each walked the whole session, every step view
and Textual's line caches again. Two things keep it out of the way:

* :func:`ease_collector`: the program collects the youngest objects after 20,000
  new ones instead of 700 (Python's default), so the older generations, whose
  walks are the long pauses, are reached far less often (the same tour: about
  2.3 s, one full collection). Young collections take a few milliseconds each.
* :func:`pause_until_drawn`: ``fagworkshop open`` starts with the collector
  paused, and :func:`resume` starts it again once the first step has been drawn
  (or the screens end). Until then every object made lives on (the modules, the
  file's session, the first screen), and walking them was about 100 ms of the
  300 to the first frame at 2,000 staff (a full collection among the imports, the
  young and middle ones over the loaded session; issue 13). What exists when the
  step is drawn is frozen, as :func:`settle` does later.
* :func:`settle`: once the step views are built (``tui.prebuild``), what exists
  then (the session, the views, the analysis they show) lives as long as the
  workshop is open; ``gc.freeze`` keeps it out of every later walk.
  :func:`release` gives it back when the session closes.
* :func:`hold`: while a step is being shown (from the key to the frame that draws it)
  the collector waits. A switch makes some 20,000 to 40,000 short-lived objects
  (Textual's strips, seven small caches each), so a young collection (10 to 20 ms)
  came in nearly every switch and a middle one (75 to 90 ms at 300 staff) in about
  one in five, before the new step was drawn. Held, it runs after the frame, when
  nobody waits for it; nothing is collected less, only later.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

#: New objects between two collections of the youngest generation (Python's default: 700).
YOUNG_THRESHOLD = 20_000


def ease_collector() -> None:
    """Collect the youngest generation less often (the program does this once)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


#: Whether :func:`pause_until_drawn` paused the collector (and :func:`resume` has not).
_paused = False


def pause_until_drawn() -> None:
    """Pause the collector until :func:`resume` (the first step drawn, or the end)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(*, keep: bool = False) -> None:
    """Start the collector again if :func:`pause_until_drawn` paused it; else nothing.

    ``keep`` (the first step drawn): what exists then lives as long as the workshop
    and is kept out of the walks (``gc.freeze``, given back by :func:`release`), or
    the first walk after the pause (120 ms at 2,000 staff) would meet the first key.
    """
    global _paused
    if _paused:
        _paused = False
        if keep:
            gc.freeze()
        gc.enable()


def settle() -> None:
    """Collect once, then keep what exists out of the collector's walks (``gc.freeze``)."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Give what :func:`settle` kept back to the collector (the session closed)."""
    gc.unfreeze()
    _Hold.reset()


class _Hold:
    """How many holds are open, whether the first one switched the collector off, and
    the holds' generation: a hold from before a reset (the session closed) counts nothing
    when it is let go of after it."""

    count = 0
    paused = False
    generation = 0

    @classmethod
    def reset(cls) -> None:
        if cls.paused:
            gc.enable()
        cls.count = 0
        cls.paused = False
        cls.generation += 1


def hold() -> Callable[[], None]:
    """Keep the automatic collector off until the returned function is called (once;
    later calls do nothing). Holds nest; the collector runs again when the last is let
    go. A collector someone else switched off stays off."""
    if _Hold.count == 0 and gc.isenabled():
        gc.disable()
        _Hold.paused = True
    _Hold.count += 1
    generation = _Hold.generation
    done = False

    def let_go() -> None:
        nonlocal done
        if done or generation != _Hold.generation:
            return  # let go of already, or by release() (the session closed)
        done = True
        _Hold.count = max(0, _Hold.count - 1)
        if _Hold.count == 0:
            _Hold.reset()

    return let_go
