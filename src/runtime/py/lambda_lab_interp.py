"""Per-environment interpreter state: what a handler can change in the one interpreter all environments share.

seal() (the end of boot) copies the dict of every loaded module and of every mutable class they hold.
When an environment leaves the interpreter, save() compares each dict with its copy in C
(`live == copy` checks identity first, so an untouched dict costs a few ns per entry), keeps the
entries the environment changed and puts the copies' values back; apply() replays them when the
environment returns. Settings that live outside a dict get the same treatment: the recursion limit,
import hooks, warning filters, gc, the decimal context, the random state.

Comparing all ~1,100 dicts costs ~1 ms a switch, so each dict is watched (PyDict_AddWatcher): its
first change after a switch marks it and stops the watch, and save() compares only marked dicts.
"""

import ctypes
import gc
import sys

_MISSING = object()
# Py_TPFLAGS_IMMUTABLETYPE: built-in classes refuse attribute assignment, so they cannot be patched.
_IMMUTABLE = 1 << 8
_set_class_attr = type.__setattr__
_del_class_attr = type.__delattr__

_dicts = []
_lists = []
_base_modules = {}
_base_importer_cache = {}
_base_settings = None
_decimal = None
_random = None
# Dict watching: index of each watched dict by id, the ids marked since the last save(), and whether
# the next save() must compare every dict (no watcher, or a phase that ran out of memory, when a mark
# could have failed to allocate).
_index = {}
_targets = []  # per watched position, the real dict, or None when it cannot be watched
_always = frozenset()
_marked = []
_check_all = True
_marking = False
_watch = _unwatch = _watcher = None


class Saved:
    """One environment's changes while it is out of the interpreter."""

    __slots__ = ("patches", "lists", "settings", "decimal_context", "random_state")

    def __init__(self):
        self.patches = []
        self.lists = None
        self.settings = None
        self.decimal_context = None
        self.random_state = None


def _on_change(event, changed, key, value):
    global _marking
    _marking = True  # stays set if the mark below fails (it allocates): save() then compares all
    try:
        _unwatch(_watcher, changed)
        _marked.append(id(changed))
    except Exception:
        return 0
    _marking = False
    return 0


_CALLBACK_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.py_object, ctypes.c_void_p, ctypes.c_void_p)
_callback = None  # made at seal(), not import: a memory snapshot keeps no ctypes callback valid


def _start_watching():
    global _watch, _unwatch, _watcher, _check_all, _always, _callback
    _callback = _CALLBACK_TYPE(_on_change)
    try:
        api = ctypes.pythonapi
        api.PyDict_AddWatcher.argtypes = [_CALLBACK_TYPE]
        for name in ("PyDict_Watch", "PyDict_Unwatch"):
            getattr(api, name).argtypes = [ctypes.c_int, ctypes.py_object]
        watcher = api.PyDict_AddWatcher(_callback)
    except (AttributeError, OSError):  # no watchers here: every save() compares every dict
        return
    if watcher < 0:
        return
    _watcher, _watch, _unwatch = watcher, api.PyDict_Watch, api.PyDict_Unwatch
    for position, (live, _, owner) in enumerate(_dicts):
        # A class's __dict__ is a read-only proxy over its real dict, which is the one to watch.
        real = live if owner is None else gc.get_referents(live)[0]
        if isinstance(real, dict) and _watch(_watcher, real) == 0:
            _index[id(real)] = position
            _targets.append(real)
        else:
            _targets.append(None)
    _always = frozenset(p for p, real in enumerate(_targets) if real is None)
    _check_all = False


def check_all_next():
    """Compare every dict at the next save() (a phase ran out of memory: a mark may be missing)."""
    global _check_all
    _check_all = True


def _watch_dicts(modules, extra):
    seen = set()

    def watch_classes(namespace):
        for value in list(namespace.values()):
            if isinstance(value, type) and not value.__flags__ & _IMMUTABLE and id(value) not in seen:
                seen.add(id(value))
                live = value.__dict__
                _dicts.append((live, dict(live), value))

    for module in modules:
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict) or id(namespace) in seen:
            continue
        seen.add(id(namespace))
        _dicts.append((namespace, dict(namespace), None))
        watch_classes(namespace)
    # The runtime's own modules: their classes (reachable through sys.stdout, time.time, ...) are watched,
    # their module state is the runtime's and is never reset.
    for namespace in extra:
        watch_classes(namespace)


def _settings():
    return (
        sys.getrecursionlimit(),
        sys.get_int_max_str_digits(),
        gc.isenabled(),
        gc.get_threshold(),
    )


def _apply_settings(settings):
    limit, digits, gc_enabled, threshold = settings
    sys.setrecursionlimit(limit)
    sys.set_int_max_str_digits(digits)
    (gc.enable if gc_enabled else gc.disable)()
    gc.set_threshold(*threshold)


def seal(private_namespaces):
    """Record the state every environment starts from (call once, after the runtime hid its modules)."""
    global _base_modules, _base_importer_cache, _base_settings, _decimal, _random
    _base_modules = dict(sys.modules)
    _watch_dicts(list(_base_modules.values()), private_namespaces)
    warnings = sys.modules.get("warnings")
    for owner in (sys.meta_path, sys.path_hooks, getattr(warnings, "filters", None), gc.callbacks):
        if isinstance(owner, list):
            _lists.append((owner, list(owner)))
    _base_importer_cache = dict(sys.path_importer_cache)
    _base_settings = _settings()
    decimal = sys.modules.get("decimal")
    if decimal is not None:
        _decimal = (decimal.getcontext, decimal.setcontext, decimal.getcontext().copy())
    random = sys.modules.get("random")
    if random is not None and hasattr(random, "_inst"):
        _random = random._inst
    _start_watching()


def _diff(live, copy):
    changed = {}
    for key in live.keys() | copy.keys():
        value = live.get(key, _MISSING)
        if value is not copy.get(key, _MISSING):
            changed[key] = value
    return changed


def _put(live, owner, key, value):
    try:
        if owner is None:
            if value is _MISSING:
                live.pop(key, None)
            else:
                live[key] = value
        elif value is _MISSING:
            _del_class_attr(owner, key)
        else:
            _set_class_attr(owner, key, value)
    except (AttributeError, TypeError):
        pass


def save(saved):
    """Move the resident environment's changes into `saved` and put the interpreter back as sealed."""
    global _check_all, _marking
    patches = []
    if _check_all or _marking or _watcher is None:
        positions = range(len(_dicts))
    else:
        positions = sorted({_index[key] for key in _marked if key in _index} | _always)
    _marked.clear()
    for position in positions:
        live, copy, owner = _dicts[position]
        try:
            if live == copy:
                continue
        except Exception:  # a value's __eq__ failed: compare by identity below
            pass
        changed = _diff(live, copy)
        if changed:
            patches.append((live, owner, changed))
            for key in changed:
                _put(live, owner, key, copy.get(key, _MISSING))
    if _watcher is not None:
        for position in positions:
            if _targets[position] is not None:
                _watch(_watcher, _targets[position])
        _marked.clear()  # the restores above may have marked dicts that were not yet unwatched
        _check_all = _marking = False
    saved.patches = patches
    saved.settings = _settings()
    _apply_settings(_base_settings)
    # Trace and profile functions end with the switch: replayed, they would watch the runtime's own frames.
    if sys.gettrace() is not None:  # each call re-instruments code: only when there is one
        sys.settrace(None)
    if sys.getprofile() is not None:
        sys.setprofile(None)
    saved.lists = [list(live) for live, _ in _lists]
    for live, copy in _lists:
        live[:] = copy
    cache = sys.path_importer_cache
    cache.clear()
    cache.update(_base_importer_cache)
    if _decimal is not None:
        getcontext, setcontext, base = _decimal
        saved.decimal_context = getcontext()
        setcontext(base.copy())
    if _random is not None:
        saved.random_state = _random.getstate()


def split_modules(owned):
    """Move the modules the environment imported (or swapped in) from sys.modules into `owned`."""
    modules = sys.modules
    for name, module in list(modules.items()):
        if _base_modules.get(name, _MISSING) is not module:
            owned[name] = module
            del modules[name]
    for name, module in _base_modules.items():
        if modules.get(name, _MISSING) is not module:
            modules[name] = module


def apply(saved):
    """Replay an environment's changes (a new environment starts with a fresh random seed)."""
    if saved.lists is not None:
        for (live, _), mine in zip(_lists, saved.lists):
            live[:] = mine
    if saved.settings is not None:
        _apply_settings(saved.settings)
    if _decimal is not None and saved.decimal_context is not None:
        _decimal[1](saved.decimal_context)
    if _random is not None:
        if saved.random_state is None:
            _random.seed()
        else:
            _random.setstate(saved.random_state)
    # Patches last: the calls above must run the sealed functions, not ones the environment replaced.
    for live, owner, changed in saved.patches:
        for key, value in changed.items():
            _put(live, owner, key, value)
    saved.patches = []
