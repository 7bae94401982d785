import time


def lambda_handler(event, context):
    # time.sleep moves virtual time: the environment stays busy for 2 s, so overlapping requests
    # each need an environment of their own.
    time.sleep(2)
    return {"statusCode": 200}
