from python.shared_utils import format_money, json_response


def lambda_handler(event, context):
    return json_response(200, {"order": event["order_id"], "total": format_money(event["total_cents"])})
