"""boto3.resource('dynamodb') and its Table: plain Python values in, Decimal numbers out."""

from boto3.dynamodb.conditions import ConditionBase, ConditionExpressionBuilder
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

_ser = TypeSerializer()
_de = TypeDeserializer()
_CONDITION_PARAMS = ("ConditionExpression", "KeyConditionExpression", "FilterExpression")


def _serialize_map(m):
    return {k: _ser.serialize(v) for k, v in m.items()}


def _deserialize_map(m):
    return {k: _de.deserialize(v) for k, v in m.items()}


def _transform_input(params):
    params = dict(params)
    builder = ConditionExpressionBuilder()
    for name in _CONDITION_PARAMS:
        cond = params.get(name)
        if isinstance(cond, ConditionBase):
            params[name] = builder.build(cond)
    values = dict(params.get("ExpressionAttributeValues") or {})
    values.update(builder.values)
    names = dict(params.get("ExpressionAttributeNames") or {})
    names.update(builder.names)
    if values:
        params["ExpressionAttributeValues"] = _serialize_map(values)
    if names:
        params["ExpressionAttributeNames"] = names
    for key in ("Item", "Key", "ExclusiveStartKey"):
        if key in params and isinstance(params[key], dict):
            params[key] = _serialize_map(params[key])
    return params


def _transform_output(response):
    for key in ("Item", "Attributes", "LastEvaluatedKey"):
        if key in response:
            response[key] = _deserialize_map(response[key])
    if "Items" in response:
        response["Items"] = [_deserialize_map(i) for i in response["Items"]]
    return response


class _Meta:
    def __init__(self, client):
        self.client = client


class _BatchWriter:
    """Buffers puts and deletes and flushes 25 at a time, as boto3's batch_writer does."""

    def __init__(self, table, overwrite_by_pkeys=None):
        self._table = table
        self._items = []

    def put_item(self, Item):
        self._items.append({"PutRequest": {"Item": _serialize_map(Item)}})
        if len(self._items) >= 25:
            self._flush()

    def delete_item(self, Key):
        self._items.append({"DeleteRequest": {"Key": _serialize_map(Key)}})
        if len(self._items) >= 25:
            self._flush()

    def _flush(self):
        while self._items:
            chunk, self._items = self._items[:25], self._items[25:]
            self._table.meta.client.batch_write_item(RequestItems={self._table.name: chunk})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._flush()
        return False


class Table:
    def __init__(self, name, client):
        self.name = name
        self.table_name = name
        self.meta = _Meta(client)

    def __repr__(self):
        return f"dynamodb.Table(name='{self.name}')"

    def _call(self, method, kwargs):
        kwargs = _transform_input({"TableName": self.name, **kwargs})
        return _transform_output(getattr(self.meta.client, method)(**kwargs))

    def put_item(self, **kwargs):
        return self._call("put_item", kwargs)

    def get_item(self, **kwargs):
        return self._call("get_item", kwargs)

    def update_item(self, **kwargs):
        return self._call("update_item", kwargs)

    def delete_item(self, **kwargs):
        return self._call("delete_item", kwargs)

    def query(self, **kwargs):
        return self._call("query", kwargs)

    def scan(self, **kwargs):
        return self._call("scan", kwargs)

    def batch_writer(self, overwrite_by_pkeys=None):
        return _BatchWriter(self, overwrite_by_pkeys)

    def load(self):
        self._description = self.meta.client.describe_table(TableName=self.name)["Table"]

    def _describe(self):
        return self.meta.client.describe_table(TableName=self.name)["Table"]

    @property
    def key_schema(self):
        return self._describe()["KeySchema"]

    @property
    def item_count(self):
        return self._describe()["ItemCount"]

    @property
    def attribute_definitions(self):
        return self._describe()["AttributeDefinitions"]

    @property
    def table_arn(self):
        return self._describe()["TableArn"]

    @property
    def table_status(self):
        return self._describe()["TableStatus"]

    # Like boto3's resource attributes: None when the table has no such index.
    @property
    def global_secondary_indexes(self):
        return self._describe().get("GlobalSecondaryIndexes")

    @property
    def local_secondary_indexes(self):
        return self._describe().get("LocalSecondaryIndexes")


class ServiceResource:
    def __init__(self, client):
        self.meta = _Meta(client)

    def Table(self, name):
        return Table(name, self.meta.client)

    def create_table(self, **kwargs):
        self.meta.client.create_table(**kwargs)
        return Table(kwargs["TableName"], self.meta.client)

    def __repr__(self):
        return "dynamodb.ServiceResource()"
