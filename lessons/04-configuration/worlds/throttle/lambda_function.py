import time


def lambda_handler(event, context):
    time.sleep(0.5)
    return {"report": "ready"}
