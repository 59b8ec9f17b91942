"""Roles of the people who work with the bot."""

from enum import StrEnum


class Role(StrEnum):
    """A member's role in the RET, as written in ret.yaml."""

    VOORZITTER = "voorzitter"
    PROCESONDERSTEUNER = "procesondersteuner"
    KERNTEAMLID = "kernteamlid"
    FLEXIBELE_SCHIL = "flexibele schil"
    ADMIN = "admin"
