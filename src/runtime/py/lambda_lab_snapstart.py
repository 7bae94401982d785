"""SnapStart in the lab: a version's snapshot is the state its Init left, taken when the version is published,
and a cold start restores it in a new execution environment.

The sim gives both the snapshot's Init and every restore the same seed for `random` (EnvSpec.snapStart).
The snapshot's Init runs the module code, then the before-snapshot hooks. A restore rebuilds that state by
replaying both, silently and off the clock (Lambda reports a Restore Duration, not an Init), then runs the
after-restore hooks, whose output and time are the restore's. So every value Init drew from `random` (a
seed, a token) is the same in every restored environment: SnapStart's uniqueness caveat.

Lambda restores Init's memory, so even values Init took from the OS (os.urandom, uuid.uuid4(), secrets,
random.SystemRandom) are shared too. A replay would draw fresh ones, so during Init (snapshot and replay) the
OS source gives bytes from a generator seeded by the snapshot's seed; after Init it is the real one again.
"""

import os
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


class _snapshot_entropy:  # noqa: N801 - a context manager
    """During Init, os.urandom (and what is bound to it) returns the snapshot's bytes; after it, the OS's."""

    def __init__(self, random, seed):
        self._random = random
        self._source = self._random.Random(f"snapstart-os-entropy:{seed}")
        self._active = False

    def _bytes(self, size, real):
        if not self._active:  # a copy kept past Init (`from os import urandom`) is the OS's again
            return real(size)
        if size < 0:
            raise ValueError("negative argument not allowed")
        return self._source.randbytes(size)

    def _wrap(self, real):
        return lambda size, *args, **kwargs: self._bytes(size, lambda n: real(n, *args, **kwargs))

    def __enter__(self):
        module, real_seed = self._random, self._random.Random.seed
        self._saved = [(os, "urandom", os.urandom), (module, "_urandom", module._urandom)]
        self._saved += [(module.Random, "seed", real_seed), (module, "seed", module.seed)]
        if hasattr(os, "getrandom"):
            self._saved.append((os, "getrandom", os.getrandom))
            os.getrandom = self._wrap(os.getrandom)
        urandom = self._wrap(os.urandom)
        os.urandom = module._urandom = urandom  # secrets and SystemRandom draw from random._urandom

        def seed(rng, a=None, version=2):  # random.seed() and Random() with no seed ask the OS too
            if a is None and self._active:
                a = int.from_bytes(self._source.randbytes(32))
            return real_seed(rng, a, version)

        module.Random.seed = seed
        module.seed = lambda a=None, version=2: seed(module._inst, a, version)  # was bound to the old seed
        self._active = True

    def __exit__(self, *exc):
        self._active = False
        for owner, name, real in self._saved:
            setattr(owner, name, real)
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
    random = __import__("random")
    random.seed(snap["seed"])
    if not snap["restore"]:
        with _snapshot_entropy(random, snap["seed"]):
            handler = load()
            module = _hooks()
            if module is not None:
                _run(module.get_before_snapshot())
        return handler
    with _off_the_clock(), logs.muted(), _snapshot_entropy(random, snap["seed"]):
        handler = load()
        module = _hooks()
        if module is not None:
            _run(module.get_before_snapshot())
    if module is not None:
        _run(module.get_after_restore())
    return handler
