"""SnapStart in the lab: the snapshot is the state of the version's first Init, and a restore brings it
back in a new execution environment.

The lab restores by replay: a restored environment runs the module code again (its time is not billed:
Lambda reports a Restore Duration instead), with the `random` module's state put back to what it was
when the snapshot's Init began, so every value drawn in Init (a seed, a token) is the same in every
restored environment, the uniqueness caveat of SnapStart. Before-snapshot hooks run once, in the Init
that takes the snapshot; after-restore hooks run in every restored environment, after the module code.
"""

import importlib
import sys

_snapshots = {}


def _restoring(spec):
    return spec["environment"].get("AWS_LAMBDA_INITIALIZATION_TYPE") == "snap-start"


def before_module(spec, task_dir):
    """Called in Init before the module code; returns None (no SnapStart) or whether this Init takes the snapshot."""
    if not _restoring(spec):
        return None
    # Keyed by the code's folder too: two worlds can have a function and version of the same name.
    key = (task_dir, spec["functionName"], spec["functionVersion"])
    rand = importlib.import_module("random")
    first = key not in _snapshots
    if first:
        _snapshots[key] = rand.getstate()
    else:
        rand.setstate(_snapshots[key])
    return first


def after_module(first):
    """Runs the hooks the module code registered (after it ran)."""
    if first is None:
        return
    hooks = sys.modules.get("snapshot_restore_py")
    if hooks is None:
        return
    if first:
        for func, args, kwargs in hooks.get_before_snapshot():
            func(*args, **kwargs)
    for func, args, kwargs in hooks.get_after_restore():
        func(*args, **kwargs)
