REQUEST_PRICE = 0.20 / 1_000_000
GB_SECOND_PRICE = 0.0000166667
PROVISIONED_GB_SECOND_PRICE = 0.0000041667
SECONDS_PER_MONTH = 30 * 24 * 3600


def lambda_handler(event, context):
    requests = event["requests_per_month"]
    gb = event["memory_mb"] / 1024
    compute = requests * (event["avg_duration_ms"] / 1000) * gb * GB_SECOND_PRICE
    provisioned = event["provisioned_environments"] * gb * SECONDS_PER_MONTH * PROVISIONED_GB_SECOND_PRICE
    return {"monthly_usd": round(requests * REQUEST_PRICE + compute + provisioned, 2)}
