"""Calibration: turns Python time measured on this machine into "ms of work on one Lambda vCPU".

The runtime times a fixed micro-benchmark (min of N runs) and compares it with REFERENCE_MS, the
benchmark's time in CPython on one Lambda vCPU:

    vCPU ms = local ms x REFERENCE_MS / (local ms of the benchmark)

so a fast desktop, a slow laptop and this machine report about the same figure for the same
handler. The benchmark is repeated from time to time and the best of the recent rounds is kept, so
the factor follows a machine that slows down (or a wasm tier-up that speeds it up).

Local time is wall time minus the time the thread waited for a core (its scheduler run delay), when
the host can read it (Node: /proc/thread-self/schedstat): a busy machine then does not inflate it.
The kernel accounts a wait lazily (up to a scheduler tick late, sometimes more), so the clock also
bounds the estimate by the thread's run time less a tick (see lambda_lab_clock.pause). In a browser
there is no such counter: there a short probe around each measured phase estimates the share of a
core the thread gets (see probe_load), and the clock takes the estimated preemption out (estimated).

REFERENCE_MS, where it comes from: on one core of the AMD EPYC that built this lab, native CPython
3.13.0 runs _workload in 0.323 ms and `sum(i * i for i in range(1_000_000))` in 36.4 ms (min of 200
and of 5 runs). A Lambda x86_64 vCPU runs the latter in about 60 ms (the figure in issue #14: AWS
publishes no per-vCPU speed), so a Lambda vCPU runs _workload in 0.323 x 60 / 36.4 = 0.53 ms.
Re-derive it (time _workload with native python3.13) whenever the workload changes.
"""

import time as _time

_perf_counter = _time.perf_counter

REFERENCE_MS = 0.53
# Best-of rounds kept (a round every REFRESH_S of real time, at the start of a phase).
_ROUNDS_KEPT = 2
REFRESH_S = 5.0
BOOT_SAMPLES = 5
REFRESH_SAMPLES = 5

_timer_scale = 1.0
_steal = None  # (run s, stolen s): a test's simulated preemption, see timer()
_tick, _ticks = 0.0, 0  # a test's simulated timer: seconds per read, reads so far
_schedstat = None  # reads the host's "<run ns> <wait ns> <slices>" line for this thread, or None
_gaps = None  # reads the host's ms of gaps so far for this thread (no schedstat), or None
# A scheduler tick (HZ=250): how late the kernel may account run time.
TICK_MS = 4.0
_rounds = []
_last_round = None


def _workload():
    # A fixed mix of what handlers do: a generator sum, dict and string work, calls.
    counts = {}
    total = sum(i * i for i in range(2000))
    for i in range(1500):
        key = "k" + str(i & 31)
        counts[key] = counts.get(key, 0) + 1
        total += i * i % 7
    words = [k.upper() for k in counts]
    return total + len("|".join(sorted(words)))


def timer():
    """Seconds, scaled by the injected factor (a test's "slower machine"); a test's simulated machine
    advances a tick per read and jumps by the stolen time after each run, as if the thread had waited."""
    global _ticks
    if _tick > 0:
        _ticks += 1
    return _raw_now() + _stolen_s()


def _raw_now():
    return _ticks * _tick if _tick > 0 else _perf_counter() * _timer_scale


def _stolen_s():
    """A test's simulated machine: seconds stolen so far (0 on a real one)."""
    return 0.0 if _steal is None else (_raw_now() // _steal[0]) * _steal[1]


def gap_ms():
    """Ms this thread has stopped while Python ran, seen from inside (threadGaps.ts), or None where the
    host does not look. Preemption and long calls into C alike: see lambda_lab_clock._unloaded."""
    if _gaps is None:
        return None
    return float(_gaps()) * _timer_scale + _stolen_s() * 1000.0


def sched_ms():
    """(ms this thread has run, ms it has waited for a core), or None when the host cannot tell."""
    if _schedstat is None:
        return None
    fields = str(_schedstat()).split()
    return float(fields[0]) / 1e6 * _timer_scale, float(fields[1]) / 1e6 * _timer_scale


def run_delay_ms(with_gaps=True):
    """Ms this thread has waited for a core since it started; without schedstat, its gaps seen from
    inside (a benchmark run is pure Python, so its gaps are preemption) unless with_gaps is False; 0 when
    the host cannot tell."""
    stat = sched_ms()
    if stat is not None:
        return stat[1]
    gaps = gap_ms() if with_gaps else None
    return 0.0 if gaps is None else gaps


def configure(
    schedstat=None, timer_scale=1.0, load_correction=True, steal_run_ms=0.0, steal_ms=0.0, tick_ms=0.0, gaps=None
):
    """Set the schedstat reader, the timer scale, whether load is estimated where schedstat is missing,
    the reader of the thread's gaps (ms it stopped while Python ran, see threadGaps.ts; None: unseen),
    and a test's simulated machine: a timer that advances tick_ms at each read (0: the real timer)
    and loses steal_ms after every steal_run_ms it ran, which the gaps then show on top of what the
    reader says. Then calibrate afresh."""
    global _schedstat, _timer_scale, _rounds, _estimate_load, _steal, _probes, _tick, _ticks, _gaps
    _schedstat = schedstat
    _gaps = gaps if schedstat is None else None
    _tick, _ticks = float(tick_ms) / 1000.0, 0
    _timer_scale = float(timer_scale)
    _estimate_load = schedstat is None and bool(load_correction)
    _steal = (float(steal_run_ms) / 1000.0, float(steal_ms) / 1000.0) if steal_run_ms > 0 and steal_ms > 0 else None
    _rounds = []
    _probes = []
    # At boot, runs the page's start preempts count too (the best of them stands): waiting for clean ones
    # would hold up `ready`, and a refresh round after 5 s measures on the faster code anyway.
    calibrate(BOOT_SAMPLES, clean_only=_gaps is None)


def _sample(clean_only=True):
    """Local ms of one benchmark run, or None when the thread waited for a core meanwhile: the kernel
    accounts a wait lazily (up to a scheduler tick late), so only an uninterrupted run is exact."""
    t0 = timer()
    d0 = run_delay_ms(clean_only)
    _workload()
    t1 = timer()
    d1 = run_delay_ms(clean_only)
    return (t1 - t0) * 1000.0 if d1 == d0 else None


def calibrate(samples=REFRESH_SAMPLES, clean_only=True):
    """One round: the best of `samples` uninterrupted benchmark runs (a few more tries when the
    machine is busy); a round with none is dropped and the earlier rounds stay in force."""
    global _last_round
    _last_round = _perf_counter()
    clean = []
    for _ in range(samples * 4):
        sample = _sample(clean_only)
        if sample is not None:
            clean.append(sample)
            if len(clean) >= samples:
                break
    if clean:
        _rounds.append(min(clean))
        del _rounds[:-_ROUNDS_KEPT]
    return min(clean) if clean else None


def maybe_refresh():
    """Calibrate again when the last round is older than REFRESH_S (called between phases)."""
    if _last_round is None or _perf_counter() - _last_round >= REFRESH_S:
        calibrate(BOOT_SAMPLES if _last_round is None else REFRESH_SAMPLES)


def local_benchmark_ms():
    if not _rounds:
        calibrate(BOOT_SAMPLES)
    if not _rounds:
        # Never uninterrupted (a machine busy beyond measure): wall time is an upper bound.
        t0 = timer()
        _workload()
        return (timer() - t0) * 1000.0
    return min(_rounds)


def factor():
    """vCPU ms per locally measured ms."""
    return REFERENCE_MS / local_benchmark_ms()


# Load where the scheduler cannot be read (a browser worker). A probe spins PROBE_MS of run time reading
# the timer: a step longer than GAP_MS is time the thread did not run (a loop turn takes a few us; a
# cross-origin isolated page's timer resolves 5-20 us; preemptions last 0.05-30 ms, most of the time
# stolen in gaps of over 0.25 ms). Ran / (ran + stolen) over the probes of the last
# WINDOW_S is the share of a core this thread gets, speed aside; a phase's wall time x that share is its
# work. Before a phase the window is topped up to PHASE_RAN_MS of probing, so the estimate is fresh.
GAP_MS = 0.1
PROBE_MS = 3.0
PHASE_RAN_MS = 12.0
WINDOW_S = 5.0
_PROBES_KEPT = 16
_PROBE_GIVE_UP_MS = 100.0
# Below this the estimate is not trusted: a segment is never billed less than this share of its wall time.
SHARE_FLOOR = 0.1
_estimate_load = False
_probes = []  # (taken at, ms ran, ms stolen, shortest gap ms or None)


def estimates_load():
    """True where load is estimated (no schedstat), so the figures say "load-corrected (estimated)"."""
    return _estimate_load


def _probe():
    first = last = timer()
    ran = stolen = 0.0
    shortest = None
    while ran < PROBE_MS:
        now = timer()
        step = (now - last) * 1000.0
        last = now
        if step > GAP_MS:
            stolen += step
            shortest = step if shortest is None else min(shortest, step)
        else:
            ran += step
        if (now - first) * 1000.0 > _PROBE_GIVE_UP_MS:
            # A timer coarser than GAP_MS (or a thread all but starved): this probe tells nothing.
            return
    _probes.append((_perf_counter(), ran, stolen, shortest))
    del _probes[:-_PROBES_KEPT]


def probe_load(enough_ms=PROBE_MS, fresh=False):
    """Probes until the window (`fresh`: this call's probes alone) holds `enough_ms` of probing; returns
    (share of a core, shortest preemption seen in ms) over it, or (1.0, inf) where load is not estimated."""
    if not _estimate_load:
        return 1.0, float("inf")
    started = _perf_counter()
    for _ in range(_PROBES_KEPT):
        _probe()
        now = _perf_counter()
        recent = [p for p in _probes if now - p[0] <= WINDOW_S and (not fresh or p[0] >= started)]
        total_ran = sum(p[1] for p in recent)
        if total_ran >= enough_ms:
            break
    if not recent:
        return 1.0, float("inf")
    total_stolen = sum(p[2] for p in recent)
    gaps = [p[3] for p in recent if p[3] is not None]
    share = total_ran / (total_ran + total_stolen) if total_stolen > 0 else 1.0
    return max(share, SHARE_FLOOR), (min(gaps) if gaps else float("inf"))
