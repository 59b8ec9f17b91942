"""The RET itself, without I/O: vocabularies, roles, rules and use-cases."""
