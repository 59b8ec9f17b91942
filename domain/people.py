"""Who someone is in this RET, and what their role lets them do."""

from domain.ret import Member, RetConfig
from domain.roles import Role


def find_member(
    ret: RetConfig, aad_object_id: str | None, email: str | None = None
) -> Member | None:
    """Matched on the Teams AAD object id, else on email (case-insensitive)."""
    if aad_object_id:
        for member in ret.members:
            if member.aad_object_id and member.aad_object_id.lower() == aad_object_id.lower():
                return member
    if email:
        for member in ret.members:
            if member.email.lower() == email.lower():
                return member
    return None


def member_by_email(ret: RetConfig, email: str | None) -> Member | None:
    """A roster member listed without an AAD object id, by the email Microsoft gives for the
    user. A member listed with an id is recognised by that id alone."""
    member = find_member(ret, None, email)
    return member if member is not None and not member.aad_object_id else None


def listed_without_id(ret: RetConfig) -> bool:
    """Whether some members can only be recognised by their email."""
    return any(not m.aad_object_id for m in ret.members)


def chairs(ret: RetConfig) -> list[Member]:
    """The voorzitter first, then the stand-ins."""
    return sorted(ret.members_with_role(Role.VOORZITTER), key=lambda m: m.stand_in)


def is_chair(member: Member | None) -> bool:
    """The voorzitter (or a stand-in): answers consultations, triages, decides."""
    return member is not None and member.role is Role.VOORZITTER
