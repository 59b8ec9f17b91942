"""What happened after the advice, per case, as codes: the mandate of the afspraken and
how the last follow-up round went (read from their own tables; nothing decrypted)."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.case_facts import follow_up_outcome, mandate_status
from storage.models import AfspraakRow, CaseFactRow, FollowUpAskRow, FollowUpRoundRow, MandateRow


async def process_codes(session: AsyncSession, which) -> dict[str, dict[str, str | None]]:
    """Case number -> {"mandaat": code, "opvolging_uitkomst": code} for the case facts
    that `which` (a condition on CaseFactRow) selects; only cases with an advice or an
    answered follow-up appear."""
    organisations: dict[str, set[str]] = {}
    for number, organisation in await session.execute(
        select(AfspraakRow.case_number, AfspraakRow.organisation)
        .join(CaseFactRow, CaseFactRow.case_number == AfspraakRow.case_number)
        .where(which)
    ):
        organisations.setdefault(number, set()).add(organisation)
    answers: dict[str, dict[str, str]] = {}
    for number, organisation, answer in await session.execute(
        select(MandateRow.case_number, MandateRow.organisation, MandateRow.answer)
        .join(CaseFactRow, CaseFactRow.case_number == MandateRow.case_number)
        .where(which)
    ):
        answers.setdefault(number, {})[organisation] = answer
    progress: dict[str, list[tuple[int, str]]] = {}
    for number, round_number, given in await session.execute(
        select(FollowUpAskRow.case_number, FollowUpRoundRow.number, FollowUpAskRow.progress)
        .join(FollowUpRoundRow, FollowUpRoundRow.id == FollowUpAskRow.round_id)
        .join(CaseFactRow, CaseFactRow.case_number == FollowUpAskRow.case_number)
        .where(which, FollowUpAskRow.progress.is_not(None))
    ):
        progress.setdefault(number, []).append((round_number, given))
    return {
        number: {
            "mandaat": mandate_status(organisations.get(number, set()), answers.get(number, {})),
            "opvolging_uitkomst": follow_up_outcome(progress.get(number, [])),
        }
        for number in organisations.keys() | progress.keys()
    }
