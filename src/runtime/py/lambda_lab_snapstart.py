"""SnapStart in the lab: a version's snapshot is the state its Init left, taken when the version is published,
and a cold start restores it in a new execution environment.

The sim gives both the snapshot's Init and every restore the same seed for `random` (EnvSpec.snapStart).
The snapshot's Init runs the module code, then the before-snapshot hooks. A restore rebuilds that state by
replaying both, silently and off the clock (Lambda reports a Restore Duration, not an Init), then runs the
after-restore hooks, whose output and time are the restore's. So every value Init drew from `random` (a
seed, a token) is the same in every restored environment: SnapStart's uniqueness caveat.
"""

import sys

import lambda_lab_clock as clock
import lambda_lab_logs as logs


class _off_the_clock:  # noqa: N801 - a context manager
    """The replay is the lab's work: its CPU and its sleeps are taken back out of the phase."""

    def __enter__(self):
        self._started = clock.real_counter()
        self._elapsed = clock.elapsed_ms()

    def __exit__(self, *exc):
        clock.io_wait(self._started, 0.0)  # the replay's CPU out, no latency added
        clock.io_wait(clock.real_counter(), self._elapsed - clock.elapsed_ms())  # its sleeps out
        return False


def _hooks():
    # The handler's own copy of the hooks module (each environment imports its own), if it used one.
    return sys.modules.get("snapshot_restore_py")


def _run(hooks):
    for func, args, kwargs in hooks:
        func(*args, **kwargs)


def init(spec, load):
    """Runs `load` (the module code) as this environment's Init asks and returns the handler."""
    snap = spec.get("snapStart")
    if not snap:
        return load()
    __import__("random").seed(snap["seed"])
    if not snap["restore"]:
        handler = load()
        module = _hooks()
        if module is not None:
            _run(module.get_before_snapshot())
        return handler
    with _off_the_clock(), logs.muted():
        handler = load()
        module = _hooks()
        if module is not None:
            _run(module.get_before_snapshot())
    if module is not None:
        _run(module.get_after_restore())
    return handler
