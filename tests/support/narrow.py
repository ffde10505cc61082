"""Narrowing for tests: a lookup that returns ``X | None`` is known to find something."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """The value, after asserting it is there (a failed lookup fails the test here)."""
    assert value is not None
    return value
