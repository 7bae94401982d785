# Sheets are expensive to build, so they are cached for the life of the environment.
_sheets = {}
_history = []


def build_sheet(line):
    print(f"building the {line} sheet")
    # The rendered sheet: 17 MB of PDF bytes.
    return line.encode().ljust(17 * 1024 * 1024, b" ")


def lambda_handler(event, context):
    line = event["line"]
    key = (line, context.aws_request_id)
    if key not in _sheets:
        _sheets[key] = build_sheet(line)
        _history.append(key)
    sheet = _sheets[key]
    print(f"{len(_history)} sheets built in this environment")
    return {"line": line, "kb": len(sheet) // 1024, "starts": sheet[:6].decode().strip()}
