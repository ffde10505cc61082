"""Scenarios without a screen: cold start (a child process to its first paint),
load and save, the analysis, and memory.
"""

from __future__ import annotations

from fagworkshop_tools.bench import floors
from fagworkshop_tools.bench.harness import (
    Config,
    Size,
    each_size,
    guarded,
    label,
    run_child,
    session_file,
    session_of,
)
from fagworkshop_tools.bench.stats import Row, Summary, interleaved


def cold_start(config: Config) -> list[Row]:
    """Scenario 1: a new process from ``fagworkshop demo`` to its first complete screen."""

    def run() -> list[Row]:
        # One unmeasured run each, so both find their bytecode cached.
        run_child(config, "floor")
        run_child(config, "demo")
        paint: dict[str, list[float]] = {"floor": [], "demo": []}
        total: dict[str, list[float]] = {"floor": [], "demo": []}
        for _ in range(config.start_repeat):
            for mode in ("floor", "demo"):
                report = run_child(config, mode)
                paint[mode].append(report["to_first_paint"])
                total[mode].append(report["total"])
        return [
            Row(
                scenario="1 cold start",
                case="fagworkshop demo, to first screen",
                value=Summary.of(paint["demo"]),
                floor=Summary.of(paint["floor"]),
                floor_name="one-label Textual app",
                max_ratio=1.5,
                target="<= 1.5x floor",
                extra={
                    "to_exit": Summary.of(total["demo"]).__dict__,
                    "floor_to_exit": Summary.of(total["floor"]).__dict__,
                },
            )
        ]

    return guarded("1 cold start", "fagworkshop demo", run)


def load_and_save(config: Config) -> list[Row]:
    """Scenario 2: the store's load (parse, migrate, validate) and atomic save."""
    return each_size("2 load/save", config.store_sizes, _load_and_save, config)


def _load_and_save(config: Config, size: Size, repeat: int) -> list[Row]:
    from fagworkshop.store.reading import load_session
    from fagworkshop.store.writing import save_session

    path = session_file(config, size)
    session = session_of(size)
    plain = floors.load_plain(path)
    out = config.workdir / "out"
    out.mkdir(exist_ok=True)
    app_path, floor_path = out / f"app-{label(size)}.toml", out / f"floor-{label(size)}.toml"
    loaded = load_session(path)
    if loaded.model_dump() != session.model_dump():
        raise AssertionError("the session read back differs from the one saved")
    samples = interleaved(
        {
            "load": lambda: load_session(path),
            "load floor": lambda: floors.load_plain(path),
            "save": lambda: save_session(session, app_path),
            "save floor": lambda: floors.save_plain(plain, floor_path),
        },
        repeat,
    )
    big = size[0] >= 2000
    megabytes = round(path.stat().st_size / 1e6, 2)
    return [
        Row(
            scenario="2 load/save",
            case=f"load {label(size)}",
            value=Summary.of(samples["load"]),
            floor=Summary.of(samples["load floor"]),
            floor_name="tomllib.loads",
            max_ratio=2.0,
            limit_median=2.0 if big else None,
            target="<= 2x floor" + (", < 2 s" if big else ""),
            extra={"file_mb": megabytes},
        ),
        Row(
            scenario="2 load/save",
            case=f"save {label(size)}",
            value=Summary.of(samples["save"]),
            floor=Summary.of(samples["save floor"]),
            floor_name="tomli_w.dumps + write",
            max_ratio=2.0,
            target="<= 2x floor",
            extra={"file_mb": megabytes},
        ),
    ]


def analysis(config: Config) -> list[Row]:
    """Scenario 4b: ``analyse`` of the latest round, next to one pass over its ratings."""
    return each_size("4 analysis", config.analysis_sizes, _analysis, config)


def _analysis(config: Config, size: Size, repeat: int) -> list[Row]:
    from fagworkshop.domain.analysis import analyse

    session = session_of(size)
    plain = session.model_dump(mode="python")
    analyse(session)
    samples = interleaved(
        {"app": lambda: analyse(session), "floor": lambda: floors.sum_ratings(plain)}, repeat
    )
    limit = 1.0 if size[0] >= 2000 else 0.2
    return [
        Row(
            scenario="4 analysis",
            case=f"analyse {label(size)}",
            value=Summary.of(samples["app"]),
            floor=Summary.of(samples["floor"]),
            floor_name="sum ratings per competence",
            limit_median=limit,
            target=f"< {limit:g} s",
        )
    ]


def memory(config: Config) -> list[Row]:
    """Scenario 5: peak resident memory of a process with the large session open."""
    size, repeat = config.memory_size
    return guarded("5 memory", label(size), _memory, config, size, repeat)


def _memory(config: Config, size: Size, repeat: int) -> list[Row]:
    path = session_file(config, size)
    app: list[float] = []
    floor: list[float] = []
    for _ in range(repeat):
        floor.append(run_child(config, "memory-floor", str(path))["maxrss_kb"] / 1024)
        app.append(run_child(config, "memory-app", str(path), paint=False)["maxrss_kb"] / 1024)
    return [
        Row(
            scenario="5 memory",
            case=f"peak RSS, {label(size)} open",
            unit="MB",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="plain dicts + one-label app",
            limit_median=200.0,
            target="< 200 MB",
        )
    ]
