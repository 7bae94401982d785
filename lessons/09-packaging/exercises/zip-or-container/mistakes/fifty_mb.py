ZIP_LIMIT_MB = 50
IMAGE_LIMIT_MB = 10240


def choose(case):
    size = case["unzippedMb"]
    if size > IMAGE_LIMIT_MB:
        return "too-large", f"{size} MB is over the {IMAGE_LIMIT_MB} MB image limit"
    if case["needsOsPackages"]:
        return "container-image", "needs operating-system packages"
    if case["teamUsesContainers"]:
        return "container-image", "the team already builds container images"
    if size > ZIP_LIMIT_MB:
        return "container-image", f"{size} MB is over the {ZIP_LIMIT_MB} MB unzipped .zip limit"
    return "zip", "small enough, with ordinary dependencies"


def lambda_handler(event, context):
    choice, reason = choose(event)
    print(f"{event['name']}: {choice} ({reason})")
    return {"case": event["name"], "choice": choice}
