"""A reader for ARM template expressions ("[concat(parameters('a'), 'b')]"), enough to check
deploy/azure/main.json without Azure: every call's function and arguments, parsed the way
the template language writes them (strings in single quotes, '' for a quote, member access
with . and [ ])."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Call:
    function: str
    arguments: tuple


class ExpressionError(ValueError):
    pass


def is_expression(value: str) -> bool:
    """'[…]' is an expression; '[[…' is a literal that starts with a bracket."""
    return value.startswith("[") and value.endswith("]") and not value.startswith("[[")


def parse(expression: str):
    """The expression between the outer brackets, as nested Calls, strings and numbers."""
    reader = _Reader(expression[1:-1])
    node = reader.expression()
    reader.skip_space()
    if reader.position != len(reader.text):
        raise ExpressionError(f"unexpected {reader.text[reader.position :]!r} in {expression}")
    return node


def calls(node) -> Iterator[Call]:
    if isinstance(node, Call):
        yield node
        for argument in node.arguments:
            yield from calls(argument)
    elif isinstance(node, tuple):  # member access: (target, member)
        for part in node:
            yield from calls(part)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def skip_space(self) -> None:
        while self.position < len(self.text) and self.text[self.position] == " ":
            self.position += 1

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.position : self.position + 1]

    def take(self, expected: str) -> None:
        if self.peek() != expected:
            raise ExpressionError(f"expected {expected!r} at {self.position} in {self.text}")
        self.position += 1

    def expression(self):
        node = self.primary()
        while self.peek() in (".", "["):
            if self.peek() == ".":
                self.take(".")
                node = (node, self.name())
            else:
                self.take("[")
                node = (node, self.expression())
                self.take("]")
        return node

    def primary(self):
        first = self.peek()
        if first == "'":
            return self.string()
        if match := NUMBER.match(self.text, self.position):
            self.position = match.end()
            return float(match.group())
        function = self.name()
        self.take("(")
        arguments = []
        if self.peek() != ")":
            arguments.append(self.expression())
            while self.peek() == ",":
                self.take(",")
                arguments.append(self.expression())
        self.take(")")
        return Call(function, tuple(arguments))

    def name(self) -> str:
        self.skip_space()
        match = NAME.match(self.text, self.position)
        if not match:
            raise ExpressionError(f"expected a name at {self.position} in {self.text}")
        self.position = match.end()
        return match.group()

    def string(self) -> str:
        self.take("'")
        value = []
        while True:
            if self.position >= len(self.text):
                raise ExpressionError(f"unclosed string in {self.text}")
            char = self.text[self.position]
            self.position += 1
            if char == "'":
                if self.text[self.position : self.position + 1] == "'":
                    value.append("'")
                    self.position += 1
                    continue
                return "".join(value)
            value.append(char)
