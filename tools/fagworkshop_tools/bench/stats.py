"""Timing helpers and the result rows of the benchmark."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


def percentile(samples: list[float], q: float) -> float:
    """The ``q`` percentile (0..100) by nearest rank; the only value when there is one."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Summary:
    """Minimum, median and 95th percentile of some samples, in seconds (or bytes)."""

    n: int
    min: float
    median: float
    p95: float

    @classmethod
    def of(cls, samples: list[float]) -> Summary:
        """The summary of at least one sample."""
        if not samples:
            raise ValueError("no samples")
        return cls(
            n=len(samples),
            min=min(samples),
            median=statistics.median(samples),
            p95=percentile(samples, 95),
        )


@dataclass
class Row:
    """One line of the result table: a measured case, its floor and its target.

    ``unit`` is ``"s"`` or ``"MB"``. ``limit_*`` are the absolute targets
    (None where there is none); ``max_ratio`` the target against the floor.
    ``ok`` is None when the scenario could not run (see ``error``).
    """

    scenario: str
    case: str
    unit: str = "s"
    value: Summary | None = None
    floor: Summary | None = None
    floor_name: str = ""
    max_ratio: float | None = None
    limit_median: float | None = None
    limit_p95: float | None = None
    target: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        """Median against the floor's median."""
        if self.value is None or self.floor is None or self.floor.median <= 0:
            return None
        return self.value.median / self.floor.median

    @property
    def ratio_min(self) -> float | None:
        """Minimum against the floor's minimum (less sensitive to a busy machine)."""
        if self.value is None or self.floor is None or self.floor.min <= 0:
            return None
        return self.value.min / self.floor.min

    @property
    def ok(self) -> bool | None:
        """Whether every target of this row is met; None when it did not run."""
        if self.value is None:
            return None
        checks: list[bool] = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.limit_median is not None:
            checks.append(self.value.median <= self.limit_median)
        if self.limit_p95 is not None:
            checks.append(self.value.p95 <= self.limit_p95)
        return all(checks)

    def as_dict(self) -> dict[str, Any]:
        """The row as plain JSON data."""
        data = asdict(self)
        data["ratio"] = self.ratio
        data["ratio_min"] = self.ratio_min
        data["ok"] = self.ok
        return data


def time_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls to ``fn``, garbage collected before each."""
    samples: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def interleaved(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Time several functions in turn, ``repeat`` rounds, so drift hits all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            samples[name].extend(time_calls(fn, 1))
    return samples
