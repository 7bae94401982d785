"""Python values <-> DynamoDB JSON, as boto3's TypeSerializer / TypeDeserializer do (numbers are Decimal)."""

from collections.abc import Mapping, Set
from decimal import Context, Decimal, Inexact, Rounded

DYNAMODB_CONTEXT = Context(Emin=-128, Emax=126, prec=38, traps=[Inexact, Rounded])


class Binary:
    def __init__(self, value):
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError("Value must be of the following types: bytes, bytearray")
        self.value = bytes(value)

    def __eq__(self, other):
        return self.value == (other.value if isinstance(other, Binary) else other)

    def __hash__(self):
        return hash(self.value)

    def __repr__(self):
        return f"Binary({self.value!r})"

    def __bytes__(self):
        return self.value


class TypeSerializer:
    def serialize(self, value):
        if value is None:
            return {"NULL": True}
        if isinstance(value, bool):
            return {"BOOL": value}
        if isinstance(value, float):
            raise TypeError("Float types are not supported. Use Decimal types instead.")
        if isinstance(value, (int, Decimal)):
            return {"N": str(DYNAMODB_CONTEXT.create_decimal(value))}
        if isinstance(value, str):
            return {"S": value}
        if isinstance(value, (bytes, bytearray, Binary)):
            return {"B": bytes(value)}
        if isinstance(value, Set):
            items = list(value)
            if all(isinstance(v, str) for v in items):
                return {"SS": items}
            if all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in items):
                return {"NS": [str(DYNAMODB_CONTEXT.create_decimal(v)) for v in items]}
            if all(isinstance(v, (bytes, bytearray, Binary)) for v in items):
                return {"BS": [bytes(v) for v in items]}
            raise TypeError(f"Unsupported type \"{type(value)}\" for value \"{value}\"")
        if isinstance(value, Mapping):
            return {"M": {k: self.serialize(v) for k, v in value.items()}}
        if isinstance(value, (list, tuple)):
            return {"L": [self.serialize(v) for v in value]}
        raise TypeError(f"Unsupported type \"{type(value)}\" for value \"{value}\"")


class TypeDeserializer:
    def deserialize(self, value):
        if not value:
            raise TypeError("Value must be a nonempty dictionary whose key is a valid dynamodb type.")
        (tag, inner), = value.items()
        if tag == "NULL":
            return None
        if tag == "BOOL":
            return inner
        if tag == "N":
            return DYNAMODB_CONTEXT.create_decimal(inner)
        if tag == "S":
            return inner
        if tag == "B":
            return Binary(inner)
        if tag == "SS":
            return set(inner)
        if tag == "NS":
            return {DYNAMODB_CONTEXT.create_decimal(v) for v in inner}
        if tag == "BS":
            return {Binary(v) for v in inner}
        if tag == "M":
            return {k: self.deserialize(v) for k, v in inner.items()}
        if tag == "L":
            return [self.deserialize(v) for v in inner]
        raise TypeError(f"Dynamodb type {tag} is not supported")
