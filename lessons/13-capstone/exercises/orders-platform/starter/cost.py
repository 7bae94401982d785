# Story 7: the monthly cost estimate.


def lambda_handler(event, context):
    return {"monthly_usd": None}
