"""Counted work: a deterministic measure of a handler's Python work, for worlds whose verdicts depend on time.

Exercise checks, predict questions, demos and scenarios must give the same trace on any machine at
any load, so there a phase's work is not measured but counted: sys.monitoring events in the
function's own code (/var/task and layers in /opt): each line started, each jump (a loop's turn), each
function start or generator resume, each call. Every event is UNIT_MS of work on one Lambda vCPU.
The same code with the same input gives the same count, whatever the machine is doing.

What it cannot see: work inside one call into C or the standard library (sorting a long list,
hashing a large buffer) counts as one call. Lesson content stays within what the count models; the
learner's own Test keeps the measured, calibrated figure.

UNIT_MS, where it comes from: the calibration's benchmark (lambda_lab_calibration._workload) takes
REFERENCE_MS on one Lambda vCPU; measure_unit() counts its events as if it were user code (14,585 in
CPython 3.14), so one event is REFERENCE_MS / that count. The count is the same everywhere, so is
the unit. The same unit gives `sum(i * i for i in range(1_000_000))` (two events per item) 73 ms,
against about 60 ms on Lambda.
"""

import sys

import lambda_lab_calibration as calibration

_monitoring = sys.monitoring
_events = _monitoring.events
_DISABLE = _monitoring.DISABLE
TOOL_ID = 5  # lambda_lab_memory uses 3, lambda_lab_stop 4
_NAME = "lambda-lab-work"
_EVENT_LIST = (_events.LINE, _events.JUMP, _events.PY_START, _events.PY_RESUME, _events.CALL)
EVENTS = sum(_EVENT_LIST)  # distinct bits: the sum is their union
# Set by measure_unit(): events of the calibration benchmark, and vCPU ms per event.
WORKLOAD_EVENTS = 0
UNIT_MS = 0.0
# Where the function's own code lives while its environment is resident (lambda_lab_envs).
USER_PREFIXES = ("/var/task/", "/opt/")
_counted_prefixes = USER_PREFIXES

_units = 0
# The count at which on_limit() runs (the clock's deadline check); float so it compares with any int.
_limit = float("inf")
on_limit = None
_enabled = False


def _count(code, *args):
    global _units
    if not code.co_filename.startswith(_counted_prefixes):
        # The lab's and the standard library's code: never counted, so never asked about again.
        return _DISABLE
    _units += 1
    if _units >= _limit:
        on_limit()
    return None


def count():
    """Events counted so far, over every phase (phases take differences)."""
    return _units


def set_limit(units):
    global _limit
    _limit = units


def enable(on):
    """Counting on or off; off costs nothing, on costs one Python call per event of user code."""
    global _enabled
    if on and not intact():
        _register()
    if on != _enabled or (on and _monitoring.get_events(TOOL_ID) != EVENTS):
        _enabled = on
        _monitoring.set_events(TOOL_ID, EVENTS if on else 0)


def intact():
    """Nothing has freed, switched off or replaced the counter: handler code can reach sys.monitoring."""
    if _monitoring.get_tool(TOOL_ID) != _NAME:
        return False
    if _enabled and _monitoring.get_events(TOOL_ID) != EVENTS:
        return False
    replaced = False
    for event in _EVENT_LIST:
        # register_callback answers the callback it replaces: ours, unless someone swapped it.
        replaced = _monitoring.register_callback(TOOL_ID, event, _count) is not _count or replaced
    return not replaced


def _register():
    if _monitoring.get_tool(TOOL_ID) is not None:
        _monitoring.free_tool_id(TOOL_ID)
    _monitoring.use_tool_id(TOOL_ID, _NAME)
    for event in _EVENT_LIST:
        _monitoring.register_callback(TOOL_ID, event, _count)
    if _enabled:
        _monitoring.set_events(TOOL_ID, EVENTS)


def count_of(function):
    """Events `function` raises, counted as if it were user code."""
    global _counted_prefixes
    _counted_prefixes = (function.__code__.co_filename,)
    before = _units
    enable(True)
    try:
        function()
    finally:
        enable(False)
        _counted_prefixes = USER_PREFIXES
    return _units - before


def measure_unit():
    """Counts the benchmark's events once (about 20 ms); a memory snapshot keeps the result, so a restored
    runtime skips it. The counter is left unregistered: install() registers it at boot."""
    global WORKLOAD_EVENTS, UNIT_MS
    _register()
    try:
        WORKLOAD_EVENTS = count_of(calibration._workload)
    finally:
        _monitoring.free_tool_id(TOOL_ID)
    UNIT_MS = calibration.REFERENCE_MS / WORKLOAD_EVENTS


def install():
    if not WORKLOAD_EVENTS:
        measure_unit()
    _register()
