import tinytable
from shared_utils import format_money


def lambda_handler(event, context):
    lines = event["lines"]
    rows = [(line["item"], format_money(line["cents"])) for line in lines]
    total = sum(line["cents"] for line in lines)
    return {"table": tinytable.render(rows), "total": format_money(total)}
