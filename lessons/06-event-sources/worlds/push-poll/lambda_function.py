def lambda_handler(event, context):
    records = event.get("Records", [])
    sources = sorted({r.get("eventSource") or r.get("EventSource", "?") for r in records})
    print(f"{context.function_name}: {len(records)} record(s) from {', '.join(sources)}")
    return {"records": len(records)}
