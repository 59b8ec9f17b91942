"""Demo data: an advies aan de moederorganisatie on every second demo leerpunt, to the
organisations of the RET file in turn, so the report's count of them shows on a fresh
machine. The letters are made like real ones but sent to no one: nothing goes to the
outbox."""

from datetime import datetime, timedelta

from documents.house_style import HouseStyle
from documents.organisatie_advies import build_letter, letter_filename
from domain.organisation_advice import OrganisationAdvice
from domain.ret import RetConfig
from storage.learning import SqlLearningRepository

EVERY = 2
ADVICE = "Verzonnen: spreek een vaste contactpersoon af voor vastgelopen plaatsingen."
SINCE = datetime.fromisoformat("2000-01-01T00:00+00:00")
UNTIL = datetime.fromisoformat("2100-01-01T00:00+00:00")


async def demo_letters(
    ret: RetConfig, learning: SqlLearningRepository, style: HouseStyle, by: str
) -> int:
    """Returns how many letters it recorded."""
    if not ret.organisations:
        return 0
    leerpunten = await learning.leerpunten_between(SINCE, UNTIL)
    made = 0
    for index, leerpunt in enumerate(leerpunten[::EVERY]):
        case = await learning.get(leerpunt.case_number)
        organisation = ret.organisations[index % len(ret.organisations)]
        at = leerpunt.at + timedelta(days=2)
        advice = OrganisationAdvice(
            case, leerpunt, organisation, ADVICE, by, at, f"demo{leerpunt.id}"
        )
        letter = (letter_filename(advice), build_letter(advice, ret.name, style))
        made += await learning.record_advice(advice, letter, (), "demo")
    return made
