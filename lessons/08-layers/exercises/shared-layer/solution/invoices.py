from shared_utils import format_money, json_response


def lambda_handler(event, context):
    return json_response(200, {"invoice": event["invoice_id"], "amount": format_money(event["amount_cents"])})
