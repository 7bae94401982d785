"""Key and Attr condition builders, compiled to expressions with #n / :v placeholders as boto3 does."""


class ConditionBase:
    def __and__(self, other):
        return And(self, other)

    def __or__(self, other):
        return Or(self, other)

    def __invert__(self):
        return Not(self)


class And(ConditionBase):
    def __init__(self, a, b):
        self.values = (a, b)


class Or(ConditionBase):
    def __init__(self, a, b):
        self.values = (a, b)


class Not(ConditionBase):
    def __init__(self, a):
        self.values = (a,)


class Cmp(ConditionBase):
    def __init__(self, op, *values):
        self.op = op
        self.values = values


class AttributeBase:
    def __init__(self, name):
        self.name = name

    def eq(self, value):
        return Cmp("=", self, value)

    def lt(self, value):
        return Cmp("<", self, value)

    def lte(self, value):
        return Cmp("<=", self, value)

    def gt(self, value):
        return Cmp(">", self, value)

    def gte(self, value):
        return Cmp(">=", self, value)

    def begins_with(self, value):
        return Cmp("begins_with", self, value)

    def between(self, low, high):
        return Cmp("BETWEEN", self, low, high)


class Key(AttributeBase):
    pass


class Attr(AttributeBase):
    def ne(self, value):
        return Cmp("<>", self, value)

    def is_in(self, values):
        return Cmp("IN", self, *values)

    def exists(self):
        return Cmp("attribute_exists", self)

    def not_exists(self):
        return Cmp("attribute_not_exists", self)

    def contains(self, value):
        return Cmp("contains", self, value)

    def size(self):
        return Size(self.name)

    def attribute_type(self, value):
        return Cmp("attribute_type", self, value)


class Size(Attr):
    pass


class ConditionExpressionBuilder:
    """Builds an expression string plus the names and values maps (values stay Python, serialized later)."""

    def __init__(self):
        self.names = {}
        self.values = {}

    def _name(self, attr):
        parts = []
        for part in attr.name.split("."):
            key = f"#n{len(self.names)}"
            self.names[key] = part
            parts.append(key)
        path = ".".join(parts)
        return f"size({path})" if isinstance(attr, Size) else path

    def _value(self, value):
        if isinstance(value, AttributeBase):
            return self._name(value)
        key = f":v{len(self.values)}"
        self.values[key] = value
        return key

    def build(self, cond):
        if isinstance(cond, And):
            return f"({self.build(cond.values[0])} AND {self.build(cond.values[1])})"
        if isinstance(cond, Or):
            return f"({self.build(cond.values[0])} OR {self.build(cond.values[1])})"
        if isinstance(cond, Not):
            return f"(NOT {self.build(cond.values[0])})"
        op, values = cond.op, cond.values
        left = self._name(values[0])
        if op in ("attribute_exists", "attribute_not_exists"):
            return f"{op}({left})"
        if op in ("begins_with", "contains", "attribute_type"):
            return f"{op}({left}, {self._value(values[1])})"
        if op == "BETWEEN":
            return f"{left} BETWEEN {self._value(values[1])} AND {self._value(values[2])}"
        if op == "IN":
            return f"{left} IN ({', '.join(self._value(v) for v in values[1:])})"
        return f"{left} {op} {self._value(values[1])}"
