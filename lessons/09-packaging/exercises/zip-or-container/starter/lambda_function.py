ZIP_LIMIT_MB = 250
IMAGE_LIMIT_MB = 10240


def choose(case):
    # Return ("zip" | "container-image" | "too-large", reason)
    return "zip", "not decided yet"


def lambda_handler(event, context):
    choice, reason = choose(event)
    print(f"{event['name']}: {choice} ({reason})")
    return {"case": event["name"], "choice": choice}
