def build_sheet(line):
    print(f"building the {line} sheet")
    # The rendered sheet: 17 MB of PDF bytes.
    return line.encode().ljust(17 * 1024 * 1024, b" ")


def lambda_handler(event, context):
    line = event["line"]
    sheet = build_sheet(line)
    return {"line": line, "kb": len(sheet) // 1024, "starts": sheet[:6].decode().strip()}
