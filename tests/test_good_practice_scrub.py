"""What the casusbeschrijving hides in free text: every name and detail retbot knows of the
case, as a whole word, in any case; not the small words names are made of."""

from datetime import UTC, datetime

from domain.cases import Case, CaseStatus, Referrer
from domain.good_practice import HIDDEN, identifiers, scrub
from domain.ret import Member
from domain.roles import Role


def test_names_initials_and_places_go_but_tussenvoegsels_stay(ret):
    chair = Member(
        name="Anna van der Berg",
        email="a.vanderberg@example.org",
        organisation="Veilig Thuis",
        role=Role.KERNTEAMLID,
    )
    ret = ret.model_copy(update={"members": (*ret.members, chair)})
    case = Case(
        "RET-2026-0007",
        CaseStatus.AFGESLOTEN,
        Referrer("msteams", "u1", "Pieter de Wit"),
        {"initialen": "K.L.", "gemeente": "Almelo", "geboortejaar": "2012"},
        submitted_at=datetime(2026, 3, 1, tzinfo=UTC),
    )
    hidden = identifiers(case, ret, ["Sanne Bos"])
    said = (
        "K.L uit ALMELO (2012): Anna van der Berg en Pieter belden met Bos van Veilig Thuis; "
        "KL wilde naar de van Heekschool, en het klikte."
    )

    assert scrub(said, hidden) == (
        f"{HIDDEN} uit {HIDDEN} ({HIDDEN}): {HIDDEN} en {HIDDEN} belden met {HIDDEN} van "
        f"{HIDDEN}; {HIDDEN} wilde naar de van Heekschool, en het klikte."
    )
