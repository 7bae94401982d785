import time

STARTED = time.time()
print("Init: module loaded")
served = 0


def lambda_handler(event, context):
    global served
    served += 1
    print(f"{context.aws_request_id} request {served} in this environment")
    return {"servedByThisEnvironment": served, "environmentAgeS": round(time.time() - STARTED, 3)}
