"""The one way a widget reaches the app: ``host(self)`` is the typed ``WorkshopHost``.

A widget reads the session with ``session_of(self)``, changes it with
``host(self).try_apply(change, ...)`` (``Applied(value)`` or ``Refused(reason)``;
the host shows a refused change itself) or ``host(self).apply`` when the outcome
does not matter, and moves between steps with ``host(self).show_step(n)``. The
host is ``FagworkshopApp``, or in a test ``tests/support/harness.BodyHost``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from fagworkshop.domain.session import Session
from fagworkshop.tui.contract import Applied, Outcome, Refused, WorkshopHost

if TYPE_CHECKING:
    from textual.dom import DOMNode

__all__ = ["Applied", "Outcome", "Refused", "WorkshopHost", "host", "session_of"]


def host(node: DOMNode) -> WorkshopHost:
    """The app a widget runs in, typed as the contract widgets may use."""
    # Not an isinstance check: it runs on every keystroke, and the protocol is the
    # contract the type checker holds FagworkshopApp and the test hosts to.
    return cast(WorkshopHost, node.app)


def session_of(node: DOMNode) -> Session:
    """The open session the app holds (a widget never keeps a copy)."""
    session = host(node).session
    assert session is not None, "a step widget is shown only with a session open"
    return session
