"""Virtual time inside Python.

A handler sees the simulation's clock, not the wall clock: virtual now = the phase's start time
+ the handler's work x cpu_scale (the memory/CPU model) + virtual time slept or spent on AWS calls.
Work is "ms on one Lambda vCPU", obtained one of two ways:
- measured (the learner's own runs): the local time the user code ran, calibrated (see
  lambda_lab_calibration);
- counted (worlds whose verdicts depend on time: checks, demos, scenarios): Python events in the
  function's own code, a fixed cost each (see lambda_lab_work), the same on any machine at any load;
  the deadline is then enforced at an exact count too.
The clock runs only inside run_user() (module code at Init, the handler at invoke), and the lab's own
work inside it (log capture, AWS round trips) is taken out, so the lab's overhead is never billed.
time.sleep() advances the clock without blocking.
"""

import datetime as _datetime
import math as _math
import time as _time

import lambda_lab_calibration as calibration
import lambda_lab_work as work

_real_perf_counter = _time.perf_counter
_real_gmtime = _time.gmtime
_real_localtime = _time.localtime
_real_ctime = _time.ctime
_real_asctime = _time.asctime
_real_strftime = _time.strftime
_RealDatetime = _datetime.datetime
_timer = calibration.timer


class DeadlineExceeded(BaseException):
    """Virtual time passed the deadline. A BaseException so `except Exception` cannot swallow it."""


class _Phase:
    __slots__ = (
        "start_ms", "deadline_ms", "cpu_scale", "origin_ms", "factor", "sleep_ms",
        "local_ms", "run_start", "seg_start", "seg_sched", "seg_excluded", "seg_gaps",
        "counted", "units", "unit_start", "share", "share_hi", "gap_ms", "walls", "floor_ms", "floor_left",
    )

    def __init__(self, start_ms, deadline_ms, cpu_scale, origin_ms, counted, floor_ms):
        self.start_ms = start_ms
        self.deadline_ms = deadline_ms
        self.cpu_scale = cpu_scale
        # monotonic()/perf_counter() count from the environment's creation, like a process clock.
        self.origin_ms = origin_ms
        self.factor = calibration.factor()
        self.sleep_ms = 0.0
        # Local ms of user code so far; while it runs, run_start is the timer value it counts from.
        self.local_ms = 0.0
        self.run_start = None
        self.seg_start = self.seg_excluded = 0.0
        self.seg_sched = None
        # The thread's gaps (calibration.gap_ms) when the segment started, less those in excluded work.
        self.seg_gaps = None
        # Counted work: events so far; while user code runs, unit_start is the count it counts from.
        self.counted = counted
        self.units = 0
        self.unit_start = 0
        # Without schedstat (a browser): the estimated share of a core, and the shortest preemption seen.
        self.share, self.gap_ms = 1.0, float("inf")
        # The higher share either probe found: what the phase tells its environment's floor (a floor
        # that errs high keeps calls into C billed).
        self.share_hi = 1.0
        # Each segment's (wall ms, gaps ms or None), to correct again with the probe after the phase.
        self.walls = []
        # The environment's gap floor (its calls into C), and how much of it the segments so far left.
        self.floor_ms = self.floor_left = floor_ms


_phase = None
# Only a phase both probes found this quiet tells its environment's floor (_unloaded): where they saw more
# preemption, they may have been wrong, and a floor too low would bill a call into C as preemption.
FLOOR_SHARE = 0.9
# Where the clock stands between phases (runtime code only), so time never jumps back to 1970.
_idle_ms = 0.0
# Nesting depth of lab work inside user code (a log write inside a logging call, ...).
_lab_depth = 0
_lab_started = (0.0, 0, None)
# The core share the last phase was load-corrected with (estimated, no schedstat), or None.
_last_share = None


def load_share():
    return _last_share


def start_phase(start_ms, deadline_ms, cpu_scale, origin_ms, counted=False, gap_floor_ms=None):
    global _phase
    if not counted:
        # Not before counted phases: a round due by real time would run (and allocate) at a moment
        # that depends on the machine's speed, and the memory figures would follow it.
        calibration.maybe_refresh()
    floor = None if gap_floor_ms is None else float(gap_floor_ms)
    _phase = _Phase(float(start_ms), float(deadline_ms), float(cpu_scale), float(origin_ms), bool(counted), floor)
    if not counted:
        _phase.share, _phase.gap_ms = calibration.probe_load(calibration.PHASE_RAN_MS)
        _phase.share_hi = _phase.share
    work.enable(bool(counted))


def _unloaded(phase, wall_ms, gaps_ms=None):
    """A segment's wall ms less the preemption (no schedstat).

    Where the thread's gaps are seen from inside (gaps_ms, threadGaps.ts), every preemption while Python
    ran is among them, and so is each long call into C, which is work. Of the gaps, those the probes
    explain as preemption ((1 - share) x wall) are taken out at least; the rest are kept as calls into C,
    unless the environment's floor says its calls into C take less (the fewest unexplained gaps a
    successful invoke showed: a busy moment can only raise it). Pure Python on a warm environment is
    then billed its wall less its gaps, however wrong the probes are; a call into C keeps its time.
    Without gaps: the probes' share of the wall, never less than its first gap_ms, which no preemption
    the probes saw would fit in. Monotone in the segment's running time, so the clock the handler reads
    never runs backwards."""
    if wall_ms <= 0:
        return wall_ms
    if gaps_ms is not None:
        floor = _c_work(phase, wall_ms, gaps_ms)
        if phase.floor_left is not None:
            floor = min(floor, phase.floor_left)
        return wall_ms - max(gaps_ms - floor, 0.0)
    if phase.share >= 1.0:
        return wall_ms
    return max(wall_ms * phase.share, min(wall_ms, phase.gap_ms))


def _c_work(phase, wall_ms, gaps_ms, share=None):
    """The gaps the probes cannot explain as preemption: at most, the segment's calls into C."""
    share = phase.share if share is None else share
    return max(gaps_ms - (1.0 - min(share, 1.0)) * wall_ms, 0.0)


def _segment_gaps(phase, gaps_now):
    """The gaps of the running segment, given the thread's gaps now, or None where they are not seen."""
    if phase.seg_gaps is None or gaps_now is None:
        return None
    return max(gaps_now - phase.seg_gaps, 0.0)


def _bill_segment(phase, wall_ms, gaps_ms):
    """A closed segment's local ms (no schedstat); it uses up as much of the floor as it had gaps."""
    billed = _unloaded(phase, wall_ms, gaps_ms)
    if gaps_ms is not None and phase.floor_left is not None:
        phase.floor_left = max(phase.floor_left - gaps_ms, 0.0)
    return billed


def rearm():
    """A nested phase ended and its caller's phase is back: counting follows the caller's model."""
    phase = _phase
    work.enable(phase is not None and phase.counted)
    _arm_deadline(phase)


def resume():
    """User code starts running: the clock counts."""
    phase = _phase
    if phase is None or phase.run_start is not None:
        return
    now = _timer()
    phase.seg_start = now
    phase.seg_sched = calibration.sched_ms()
    phase.seg_excluded = 0.0
    phase.seg_gaps = calibration.gap_ms() if phase.seg_sched is None else None
    phase.run_start = now - phase.local_ms / 1000.0
    phase.unit_start = work.count() - phase.units
    _arm_deadline(phase)


def _arm_deadline(phase):
    """Counted work: the deadline falls at an exact count, checked by the counter itself."""
    if phase is None or not phase.counted or phase.run_start is None:
        work.set_limit(float("inf"))
        return
    left_ms = (phase.deadline_ms - now_ms()) / phase.cpu_scale
    work.set_limit(work.count() + max(_math.ceil(left_ms / work.UNIT_MS), 1))


def _counted_limit():
    # Called by the counter when the count reaches the deadline armed above.
    if past_deadline():
        work.set_limit(float("inf"))
        deadline_hook()
    else:
        _arm_deadline(_phase)


def _deadline_raise():
    raise DeadlineExceeded()


# lambda_lab_stop replaces it so that a handler cannot swallow the timeout.
deadline_hook = _deadline_raise
work.on_limit = _counted_limit


def pause():
    """User code stopped: keep what it ran, less the time this thread waited for a core."""
    phase = _phase
    if phase is None or phase.run_start is None:
        return
    now = _timer()
    gaps = _segment_gaps(phase, calibration.gap_ms())
    span_ms = (now - phase.seg_start) * 1000.0
    ran_ms = (now - phase.run_start) * 1000.0 - phase.local_ms
    start, end = phase.seg_sched, calibration.sched_ms()
    if start is not None and end is not None and span_ms > 0:
        run, waited = end[0] - start[0], end[1] - start[1]
        if waited > 0:
            # Known for the whole segment only: user code gets its share. The kernel may account a
            # wait late, so the thread's own run time, less a tick, bounds how much can be taken out.
            share = min(1.0, ran_ms / span_ms)
            ran_ms = min(ran_ms, max(ran_ms - waited * share, (run - calibration.TICK_MS) * share))
    elif start is None:
        phase.walls.append((ran_ms, gaps))
        ran_ms = _bill_segment(phase, ran_ms, gaps)
    phase.local_ms += max(ran_ms, 0.0)
    phase.run_start = None
    phase.units = work.count() - phase.unit_start
    work.set_limit(float("inf"))
    if phase.counted and not work.intact():
        # The handler switched the counter off or replaced it: its count means nothing, so the phase
        # falls back to its measured time (and says so in its report).
        phase.counted = False


def run_user(function, *args):
    """Runs user code with the clock counting."""
    resume()
    try:
        return function(*args)
    finally:
        pause()


def lab_begin():
    """The lab's own work starts inside user code (log capture): not the handler's time."""
    global _lab_depth, _lab_started
    _lab_depth += 1
    if _lab_depth == 1:
        _lab_started = real_counter()


def lab_end():
    global _lab_depth
    _lab_depth = max(_lab_depth - 1, 0)
    if _lab_depth == 0:
        _exclude_since(_lab_started)


def _exclude_since(started):
    """Takes what ran since `started` (a real_counter() mark) out of the handler's time and count."""
    phase = _phase
    if phase is not None and phase.run_start is not None:
        spent = _timer() - started[0]
        phase.run_start += spent
        phase.seg_excluded += spent
        # Gaps inside that work (a wait for the host's answer is one long gap) are not the handler's.
        gaps = calibration.gap_ms()
        if phase.seg_gaps is not None and gaps is not None and started[2] is not None:
            phase.seg_gaps += gaps - started[2]
        # A nested phase (a callee run inside this call) counted its own code, not this handler's.
        phase.unit_start += work.count() - started[1]


def end_phase():
    """Close the phase and return (vCPU ms of user code, virtual sleep ms, local ms measured, counted, and
    the ms of its gaps the probes could not explain, its calls into C at most; None where unseen)."""
    global _phase, _idle_ms
    pause()
    phase = _phase
    if phase is None:
        return 0.0, 0.0, 0.0, False, None
    if not phase.counted and calibration.estimates_load():
        _correct_again(phase)
    _idle_ms = now_ms()
    _phase = None
    work.enable(False)
    global _last_share
    _last_share = phase.share if not phase.counted and calibration.estimates_load() else None
    seen = phase.walls and all(gaps is not None for _, gaps in phase.walls) and not phase.counted
    c_work = None
    if seen and phase.share >= FLOOR_SHARE:
        c_work = _c_work(phase, sum(w for w, _ in phase.walls), sum(g for _, g in phase.walls), phase.share_hi)
    return _work_ms(phase), phase.sleep_ms, phase.local_ms, phase.counted, c_work


def _correct_again(phase):
    """Probes right after the phase and bills it again. Without gaps, by those probes alone: a thread
    woken from idle runs on the scheduler's credit at first, so the probes before a phase see less
    preemption than a long phase meets, while the probes after it meet what it met (a short phase: the
    credit it ran on). With gaps, the lower share of the two explains more of them as preemption, and
    the higher one tells the environment's floor. The phase keeps its first figure where the second
    would cross the deadline (its outcome stands)."""
    share, gap_ms = calibration.probe_load(calibration.PHASE_RAN_MS, fresh=True)
    if not phase.walls or now_ms() >= phase.deadline_ms:
        return
    seen = all(gaps is not None for _, gaps in phase.walls)
    first = (phase.local_ms, phase.share, phase.gap_ms, phase.floor_left)
    # Seen gaps: the lower share either probe found explains more of them as preemption.
    phase.share_hi = max(share, phase.share)
    phase.share, phase.gap_ms = (min(share, phase.share) if seen else share), gap_ms
    phase.floor_left = phase.floor_ms
    phase.local_ms = sum(_bill_segment(phase, wall, gaps) for wall, gaps in phase.walls)
    if now_ms() >= phase.deadline_ms:
        phase.local_ms, phase.share, phase.gap_ms, phase.floor_left = first


def _user_mark(phase):
    """Where the handler's time stands now (timer, count, gaps): while the lab's own work runs inside this
    segment of user code, the moment that work began, since lab_end takes it out. A log line written
    meanwhile is stamped with the clock as the handler left it, so offsets never run backwards."""
    if _lab_depth and _lab_started[0] >= phase.seg_start:
        return _lab_started
    return real_counter()


def _local_ms(phase):
    if phase.run_start is None:
        return phase.local_ms
    mark = _user_mark(phase)
    wall_ms = (mark[0] - phase.run_start) * 1000.0 - phase.local_ms
    if phase.seg_sched is not None:
        return phase.local_ms + wall_ms
    return phase.local_ms + _unloaded(phase, wall_ms, _segment_gaps(phase, mark[2]))


def _work_ms(phase):
    """The phase's work so far in ms on one Lambda vCPU: counted, or measured and calibrated."""
    if phase.counted:
        units = phase.units if phase.run_start is None else _user_mark(phase)[1] - phase.unit_start
        return units * work.UNIT_MS
    return _local_ms(phase) * phase.factor


def now_ms():
    """Virtual epoch milliseconds."""
    phase = _phase
    if phase is None:
        return _idle_ms
    return phase.start_ms + _work_ms(phase) * phase.cpu_scale + phase.sleep_ms


def elapsed_ms():
    """Virtual milliseconds since the phase started (the offset of a log line)."""
    phase = _phase
    return 0.0 if phase is None else now_ms() - phase.start_ms


def past_deadline():
    phase = _phase
    return phase is not None and now_ms() >= phase.deadline_ms


def user_running():
    """True while user code runs, not the lab's own work inside it: where a timeout may be raised."""
    phase = _phase
    return phase is not None and phase.run_start is not None and _lab_depth == 0


def deadline_ms():
    phase = _phase
    return 0.0 if phase is None else phase.deadline_ms


def real_counter():
    """A mark to exclude from (io_wait, lab work): the timer, the work count and the thread's gaps now."""
    return _timer(), work.count(), calibration.gap_ms()


def io_wait(real_started, modeled_ms):
    """Takes a host round trip (an AWS call) out of the handler's time and charges its modeled latency
    instead: on Lambda the handler waits on the network, which the memory/CPU model does not slow down."""
    phase = _phase
    if phase is None:
        return
    _exclude_since(real_started)
    phase.sleep_ms += modeled_ms
    _arm_deadline(phase)


def _monotonic_ms():
    phase = _phase
    origin = 0.0 if phase is None else phase.origin_ms
    # A process has been up about a second before user code runs; keeps monotonic() positive.
    return now_ms() - origin + 1000.0


def _sleep(secs):
    secs = float(secs)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    phase = _phase
    if phase is None:
        return
    phase.sleep_ms += secs * 1000.0
    if now_ms() >= phase.deadline_ms:
        raise DeadlineExceeded()
    _arm_deadline(phase)


def _or_now(value):
    return now_ms() / 1000.0 if value is None else value


class _DatetimeMeta(type):
    # isinstance(real_datetime, datetime.datetime) must stay true after the class is swapped.
    def __instancecheck__(cls, obj):
        return isinstance(obj, _RealDatetime)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _RealDatetime)


class datetime(_RealDatetime, metaclass=_DatetimeMeta):  # noqa: N801 - keeps the public name
    """datetime whose now()/utcnow() read the virtual clock; every constructor returns a real datetime."""

    def __new__(cls, *args, **kwargs):
        if cls is datetime:
            return _RealDatetime(*args, **kwargs)
        return _RealDatetime.__new__(cls, *args, **kwargs)

    @classmethod
    def now(cls, tz=None):
        return _RealDatetime.fromtimestamp(now_ms() / 1000.0, tz)

    @classmethod
    def utcnow(cls):
        stamp = _RealDatetime.fromtimestamp(now_ms() / 1000.0, _datetime.timezone.utc)
        return stamp.replace(tzinfo=None)


datetime.__module__ = "datetime"
datetime.__qualname__ = "datetime"


class _Plain:
    """A callable that, like a builtin, does not bind as a method when stored on a class
    (code such as `logging.Formatter.converter = time.gmtime` must keep working)."""

    __slots__ = ("_function", "__name__", "__qualname__")

    def __init__(self, name, function):
        self._function = function
        self.__name__ = self.__qualname__ = name

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)

    def __repr__(self):
        return f"<built-in function {self.__name__}>"


def install():
    """Patch the time and datetime modules once, before any user code is imported."""
    work.install()
    patches = {
        "time": lambda: now_ms() / 1000.0,
        "time_ns": lambda: int(now_ms() * 1_000_000),
        "monotonic": lambda: _monotonic_ms() / 1000.0,
        "monotonic_ns": lambda: int(_monotonic_ms() * 1_000_000),
        "perf_counter": lambda: _monotonic_ms() / 1000.0,
        "perf_counter_ns": lambda: int(_monotonic_ms() * 1_000_000),
        "sleep": _sleep,
        "gmtime": lambda secs=None: _real_gmtime(_or_now(secs)),
        "localtime": lambda secs=None: _real_localtime(_or_now(secs)),
        "ctime": lambda secs=None: _real_ctime(_or_now(secs)),
        "asctime": lambda t=None: _real_asctime(_real_localtime(_or_now(None)) if t is None else t),
        "strftime": lambda fmt, t=None: _real_strftime(fmt, _real_localtime(_or_now(None)) if t is None else t),
    }
    for name, function in patches.items():
        setattr(_time, name, _Plain(name, function))
    # date.today() and datetime.today() already go through time.time(); now() and utcnow() do not.
    _datetime.datetime = datetime
