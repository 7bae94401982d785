"""The memory model behind "Max Memory Used" and out-of-memory.

Lambda reports the sandbox's memory high-water mark. Here many environments share one interpreter,
so each environment is charged:

    runtime baseline (the published hello-world figure for the Python runtime)
    + the Python memory it retains (malloc in-use growth over its phases)
    + the transient peak of the current phase (growth of malloc in-use or of the heap footprint).

malloc in-use comes from mallinfo(), which walks every chunk of the shared heap (~5 ms once a
thousand environments exist), so it is read only when the heap has free holes a phase could fill
unseen; otherwise a phase's in-use growth is its footprint growth (off by at most _SMALL_HOLES).

The limit is enforced for real: during a phase, dlmalloc's footprint limit is set so that the
phase may only grow the heap by what the environment has left; beyond it malloc fails and Python
raises MemoryError, which the runtime reports as out-of-memory.
"""

import ctypes
import math
import sys

MB = 1024 * 1024
# maxday/lambda-perf "max memory used" of a hello-world function, per runtime (facts section 9).
BASELINE_MB = {"python3.12": 37, "python3.13": 36, "python3.14": 38}
DEFAULT_BASELINE_MB = 38
_UNLIMITED = ctypes.c_size_t(-1).value
# Treat a phase that ended within this distance of its footprint limit as having hit it.
_LIMIT_SLACK = 256 * 1024


class _MallInfo(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    ]


_libc = None


def _load_libc():
    """Looked up at install(), not import: a memory snapshot keeps no C function pointer valid."""
    global _libc
    try:
        libc = ctypes.CDLL(None)
        libc.mallinfo.restype = _MallInfo
        libc.malloc_footprint.restype = ctypes.c_size_t
        libc.malloc_set_footprint_limit.restype = ctypes.c_size_t
        libc.malloc_set_footprint_limit.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):  # not dlmalloc: measure nothing, enforce nothing
        return
    _libc = libc


# sys.monitoring reports every raised exception, so a MemoryError that the handler catches and
# swallows still counts: on Lambda the process would have been killed at that point.
_TOOL_ID = 3
_monitoring = getattr(sys, "monitoring", None)
_memory_error_seen = False


def _on_raise(code, offset, exception):
    global _memory_error_seen
    if isinstance(exception, MemoryError):
        _memory_error_seen = True


def _watch_raises(enabled):
    if _monitoring is None:
        return
    _monitoring.set_events(_TOOL_ID, _monitoring.events.RAISE if enabled else 0)


def install():
    global _monitoring
    _load_libc()
    if _monitoring is None:
        return
    try:
        _monitoring.use_tool_id(_TOOL_ID, "lambda-lab-memory")
        _monitoring.register_callback(_TOOL_ID, _monitoring.events.RAISE, _on_raise)
    except ValueError:  # the tool id is taken: fall back to the footprint heuristic alone
        _monitoring = None


def baseline_bytes(runtime):
    return BASELINE_MB.get(runtime, DEFAULT_BASELINE_MB) * MB


# Below this much free space inside the heap, footprint growth stands in for in-use growth. Above the
# interpreter's own holes after boot (1.7-2.1 MB, from files or a snapshot), else every phase walks the heap.
_SMALL_HOLES = 4 * MB
# Frees inside handlers make holes unseen, so the estimate is re-measured after this many phases.
_REMEASURE_EVERY = 64
_holes = None  # free bytes inside the heap at the last phase's end, or None when unknown
_phases_since_measure = 0


def heap_changed():
    """The runtime freed an environment's memory: the holes are unknown until measured again."""
    global _holes
    _holes = None


def _measured_holes():
    global _holes, _phases_since_measure
    _phases_since_measure = 0
    _holes = _libc.malloc_footprint() - _libc.mallinfo().uordblks
    return _holes


class PhaseMeter:
    """Measures one phase of one environment and enforces its memory limit."""

    def __init__(self, limit_bytes, charged_bytes):
        self.allowance = limit_bytes - charged_bytes
        self.limit = None
        self.holes_start = self.footprint_start = self.footprint_end = 0
        self.retained = 0

    def start(self):
        global _memory_error_seen, _phases_since_measure
        _memory_error_seen = False
        _watch_raises(True)
        if _libc is None:
            return
        _phases_since_measure += 1
        stale = _holes is None or _phases_since_measure > _REMEASURE_EVERY
        self.holes_start = _measured_holes() if stale else _holes
        self.footprint_start = _libc.malloc_footprint()
        # Free space inside the heap is usable without growing it, so only the rest may be added;
        # but half the allowance always may, as fragmented holes cannot hold one large object.
        growth = max(self.allowance - self.holes_start, self.allowance // 2, 0)
        self.limit = self.footprint_start + growth
        _libc.malloc_set_footprint_limit(self.limit)

    def release(self):
        """Lift the limit (runtime code after the handler must never fail to allocate)."""
        _watch_raises(False)
        if _libc is None:
            return
        _libc.malloc_set_footprint_limit(_UNLIMITED)
        self.footprint_end = _libc.malloc_footprint()

    def finish(self):
        global _holes
        if _libc is None:
            return
        footprint = _libc.malloc_footprint()
        if self.holes_start >= _SMALL_HOLES:
            # The phase may have filled holes without growing the heap: measure what it kept.
            holes = _measured_holes()
        else:
            holes = self.holes_start
            _holes = holes
        self.retained = (footprint - holes) - (self.footprint_start - self.holes_start)

    @property
    def retained_delta(self):
        return self.retained

    @property
    def peak_delta(self):
        return max(self.retained_delta, self.footprint_end - self.footprint_start, 0)

    @property
    def exceeded(self):
        if _memory_error_seen:
            return True
        if _libc is None:
            return False
        grew_to_limit = (
            self.limit is not None
            and self.footprint_end > self.footprint_start
            and self.footprint_end + _LIMIT_SLACK >= self.limit
        )
        return grew_to_limit or self.retained_delta > self.allowance


def to_mb(num_bytes):
    return int(math.ceil(max(num_bytes, 0) / MB))
