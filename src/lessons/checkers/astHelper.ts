/**
 * The Python side of `ast` checks: a handler that parses the learner's source with Python's own `ast`
 * module (so the rules see exactly what CPython sees) and answers {passed, code, message}.
 * Kept as a string because it runs as a lab function's code through the same RuntimePort.
 */
export const AST_HELPER_SOURCE = String.raw`import ast

CLIENT_MAKERS = {"client", "resource"}


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def _enclosing_function(node, parents):
    while node in parents:
        node = parents[node]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return node
    return None


def _str_arg(call):
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    for kw in call.keywords:
        if kw.arg == "service_name" and isinstance(kw.value, ast.Constant):
            return kw.value.value
    return None


def _sdk_makers(tree):
    """Calls that create a boto3 client or resource: boto3.client(...), client(...) from boto3, sessions."""
    from_boto3 = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "boto3":
            from_boto3.update(a.asname or a.name for a in node.names if a.name in CLIENT_MAKERS)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in CLIENT_MAKERS:
            found.append(node)
        elif isinstance(f, ast.Name) and f.id in from_boto3:
            found.append(node)
    return found


def _keyword_sig(k):
    """A keyword argument, with its value when it is a literal (InvocationType="Event" differs from a sync call)."""
    if isinstance(k.value, ast.Constant) and isinstance(k.value.value, (str, int, bool)):
        return f"{k.arg}={k.value.value}"
    return k.arg or "**"


def _maker_kind(call):
    return call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id


def _fn_name(fn):
    return getattr(fn, "name", "lambda")


def _client_names(tree, service, makers):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and node.value in makers and _str_arg(node.value) == service:
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names.add(t.id)
                elif isinstance(t, ast.Attribute):
                    names.add(t.attr)
    return names


def _operation_calls(tree, service, operation):
    makers = set(_sdk_makers(tree))
    names = _client_names(tree, service, makers)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == operation:
            target = node.func.value
            if isinstance(target, ast.Name) and target.id in names:
                hits.append(node)
            elif isinstance(target, ast.Attribute) and target.attr in names:
                hits.append(node)
            elif isinstance(target, ast.Call) and target in makers and _str_arg(target) == service:
                hits.append(node)
    return hits


def _is_records(node, record_names):
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == "Records":
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        return bool(node.args) and isinstance(node.args[0], ast.Constant) and node.args[0].value == "Records"
    return isinstance(node, ast.Name) and node.id in record_names


def _imported_modules(tree, parents):
    mods = []
    for node in ast.walk(tree):
        where = "in-function" if _enclosing_function(node, parents) is not None else "module-level"
        if isinstance(node, ast.Import):
            mods += [(a.name, node.lineno, where) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            mods.append((node.module, node.lineno, where))
    return mods


def _literal_use(node, parents):
    """Where a literal sits: an environment default, a value written into os.environ, or plain code."""
    parent = parents.get(node)
    if isinstance(parent, ast.Call) and isinstance(parent.func, (ast.Attribute, ast.Name)):
        name = parent.func.attr if isinstance(parent.func, ast.Attribute) else parent.func.id
        if name in ("get", "getenv") and node in parent.args[1:]:
            return "env-default"
    if isinstance(parent, ast.Assign) and any(
        isinstance(t, ast.Subscript) and isinstance(t.value, (ast.Attribute, ast.Name)) and getattr(t.value, "attr", getattr(t.value, "id", "")) == "environ"
        for t in parent.targets
    ):
        return "env-assign"
    return "code"


def _env_reads(tree, name):
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            v = node.value
            is_environ = (isinstance(v, ast.Attribute) and v.attr == "environ") or (isinstance(v, ast.Name) and v.id == "environ")
            if is_environ and isinstance(node.slice, ast.Constant) and node.slice.value == name:
                hits.append(node)
        elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else f.id
            owner_environ = isinstance(f, ast.Attribute) and (
                (isinstance(f.value, ast.Attribute) and f.value.attr == "environ") or (isinstance(f.value, ast.Name) and f.value.id == "environ")
            )
            if (fname == "getenv" or (fname == "get" and owner_environ)) and _str_arg(node) == name:
                hits.append(node)
    return hits


def check(source, rule):
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        return {"passed": False, "code": "syntax", "message": f"Python cannot parse the file: {e.msg} on line {e.lineno}. Fix the syntax first."}
    parents = _parents(tree)
    kind = rule["rule"]
    ok = {"passed": True, "code": "ok", "message": ""}

    if kind == "handlerDefined":
        name, params = rule["name"], rule["params"]
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                n = len(node.args.args)
                if n == params:
                    return ok
                return {"passed": False, "code": f"params:{n}", "message": f"{name} takes {n} parameter(s); Lambda passes {params} (event, context)."}
        return {"passed": False, "code": "missing", "message": f"No top-level function named {name}. The handler setting points at it, so Lambda cannot find the handler."}

    if kind == "clientAtModuleLevel":
        service = rule.get("service")
        makers = [c for c in _sdk_makers(tree) if service is None or _str_arg(c) == service]
        inside = [c for c in makers if _enclosing_function(c, parents) is not None]
        if inside:
            c = inside[0]
            fn = _enclosing_function(c, parents)
            also = "also-module-level" if len(inside) < len(makers) else "only"
            return {"passed": False, "code": f"inside-function:{also}", "message": f"Line {c.lineno} builds the {service or 'SDK'} {_maker_kind(c)} inside {_fn_name(fn)}(), so it runs on every request. Create it once at module level, above the handler."}
        if not makers:
            return {"passed": False, "code": "none", "message": f"No boto3 {service or ''} client or resource is created at module level.".replace("  ", " ")}
        return ok

    if kind == "readsEnvVar":
        if _env_reads(tree, rule["name"]):
            return ok
        return {"passed": False, "code": "not-read", "message": f"The code never reads the environment variable {rule['name']} (os.environ[\"{rule['name']}\"])."}

    if kind == "noStringLiteral":
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for v in rule["values"]:
                    if v in node.value:
                        return {"passed": False, "code": f"literal:{v}:{_literal_use(node, parents)}", "message": f"Line {node.lineno} writes \"{v}\" in the code. Read it from configuration instead."}
        return ok

    if kind in ("callsOperation", "noOperation"):
        hits = _operation_calls(tree, rule["service"], rule["operation"])
        if kind == "callsOperation":
            if hits:
                return ok
            return {"passed": False, "code": "not-called", "message": f"The code never calls {rule['operation']}() on a boto3 {rule['service']} client."}
        if not hits:
            return ok
        keywords = ",".join(sorted(_keyword_sig(k) for k in hits[0].keywords))
        return {"passed": False, "code": f"called:{keywords}", "message": f"Line {hits[0].lineno} calls {rule['operation']}() on a {rule['service']} client, which this exercise asks you to avoid."}

    if kind in ("imports", "noImport"):
        module = rule["module"]
        hits = [(m, line, where) for m, line, where in _imported_modules(tree, parents) if m == module or m.startswith(module + ".")]
        if kind == "imports":
            if hits:
                return ok
            return {"passed": False, "code": "not-imported", "message": f"The file does not import {module}."}
        if not hits:
            return ok
        return {"passed": False, "code": f"imported:{hits[0][2]}", "message": f"Line {hits[0][1]} imports {module}."}

    if kind == "noDefinition":
        name = rule["name"]
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
                return {"passed": False, "code": "defined", "message": f"Line {node.lineno} defines {name} in this file; use the shared one instead of a copy."}
        return ok

    if kind == "iteratesRecords":
        record_names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_records(node.value, set()):
                record_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for node in ast.walk(tree):
            if isinstance(node, (ast.For, ast.comprehension)) and _is_records(node.iter, record_names):
                return ok
        return {"passed": False, "code": "no-loop", "message": "No loop goes over event[\"Records\"]: one event can carry several records, and each needs handling."}

    return {"passed": False, "code": "unknown-rule", "message": f"Unknown rule {kind}."}


def lambda_handler(event, context):
    return check(event["source"], event["rule"])
`;
