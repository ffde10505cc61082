"""The contract between widgets, the app and the controller: what a change returns
(``Applied`` with its value and aspect, or ``Refused`` with the reason) and what a widget
may use of the app (``WorkshopHost``). No Textual here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from pydantic import ValidationError

from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store.errors import loc_to_place, pydantic_message, render, terminal_safe
from fagworkshop.tui.aspects import Aspect

T = TypeVar("T")


@dataclass(frozen=True)
class Applied(Generic[T]):
    """A change that went through; ``value`` is what the change function returned,
    ``aspect`` what it changed (views refresh only when they show it)."""

    value: T
    aspect: Aspect = Aspect.ALL

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class Refused:
    """A change that was refused; ``reason`` is the message shown to the user."""

    reason: str

    def __bool__(self) -> bool:
        return False


Outcome = Applied[Any] | Refused


@runtime_checkable
class WorkshopHost(Protocol):
    """What a step widget may use of the app (``FagworkshopApp`` is one).

    Read the session, change it through ``apply`` (value or None) or
    ``try_apply`` (``Applied``/``Refused``), move between steps, and
    ``flush_saves`` in tests. Widgets type ``self.app`` as this instead of
    reaching into the app.
    """

    #: Where the sessions are kept (the exports' default folder), or None.
    sessions_dir: Path | None
    #: When each running timebox ends (``time.monotonic()``), by step.
    timebox_ends: dict[int, float]
    #: Whether the notes panel shows (F2; hidden below 100 columns until chosen).
    panel_visible: bool

    @property
    def session(self) -> Session | None: ...

    @property
    def session_path(self) -> Path | None: ...

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def try_apply(
        self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Applied[Any] | Refused: ...

    def show_step(self, step: int, remember: bool = True) -> None: ...

    async def flush_saves(self) -> None: ...


def refused_value(err: ValidationError) -> str:
    """The first problem of a value a model refused, as a message (field and what is wrong)."""
    first = err.errors(include_url=False)[0]
    place = loc_to_place(first.get("loc", ()))
    reason = render(pydantic_message(dict(first)))
    return terminal_safe(t("change.refused_value", place=place, reason=reason))
