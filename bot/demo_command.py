"""`retbot demo-data`: invented cases through the whole process, for a first look."""

import asyncio
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.demo_letters import demo_letters
from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from dialogs.advice_document import AdviesSheets
from documents.advies import advies_filename, build_advies
from documents.house_style import house_style_for
from domain.advice import mandate_organisations
from domain.documents import DocumentKind
from domain.ret import MeetingCalendar, RetConfig
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.case_walk import CHAIR, CHANNEL, CaseWalker
from storage.database import create_engine, create_session_factory
from storage.demo_data import demo_plans
from storage.documents import SqlDocumentRepository
from storage.encryption import FieldCipher
from storage.learning import SqlLearningRepository
from storage.migrate import upgrade_to_head
from storage.models import CaseRow


def demo_data_command(cases: int, seed: int, until: date | None, config: Path | None) -> int:
    if cases < 1:
        print("Geef met --cases een aantal van minstens 1.", file=sys.stderr)
        return 2
    settings = Settings()
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
    except RetConfigError as error:
        print(f"retbot: ongeldige RET-configuratie: {error}", file=sys.stderr)
        return 2
    until = until or date.today()
    plans = demo_plans(cases, seed, tuple(ret.gemeenten), until)

    async def run() -> int:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            sessions = create_session_factory(engine)
            async with sessions() as session:
                existing = await session.scalar(select(func.count()).select_from(CaseRow))
            if existing:
                print(
                    f"De database heeft al {existing} casussen. Demogegevens gaan alleen in een "
                    "lege database, zodat ze nooit tussen echte casussen staan.",
                    file=sys.stderr,
                )
                return 1
            cipher = FieldCipher(settings.data_key)
            calendar = _calendar_from(ret.meetings, plans[0].submitted_at.date())
            organisations = tuple(mandate_organisations(ret))
            walker = CaseWalker(sessions, cipher, organisations, calendar)
            numbers = [await walker.walk(plan) for plan in plans]
            await _store_advies(ret, sessions, cipher, numbers)
            learning = SqlLearningRepository(sessions, cipher)
            await demo_letters(ret, learning, house_style_for(ret.documents), CHAIR)
        finally:
            await engine.dispose()
        print(f"{cases} verzonnen casussen aangemaakt (seed {seed}).")
        return 0

    return asyncio.run(run())


def _calendar_from(calendar: MeetingCalendar, first_case: date) -> MeetingCalendar:
    """The RET's meeting rhythm, going back to before the first invented case."""
    every = timedelta(weeks=calendar.every_weeks)
    steps = max(0, (calendar.first_date - first_case) // every + 1)
    return calendar.model_copy(update={"first_date": calendar.first_date - steps * every})


async def _store_advies(ret: RetConfig, sessions, cipher: FieldCipher, numbers: list[str]) -> None:
    """Every demo case with advice gets its advies as a stored document, as the bot's job
    would store it after the mandate answers, so `retbot document advies` finds it."""
    advice = SqlAdviceRepository(sessions, cipher)
    sheets = AdviesSheets(ret, advice, SqlBookingRepository(sessions, cipher))
    store = SqlDocumentRepository(sessions, cipher)
    style = house_style_for(ret.documents)
    for number in numbers:
        issued = await advice.advice(number)
        if issued is None:
            continue
        mandates = await advice.mandates(number)
        at = max([issued.issued_at, *(m.at for m in mandates.values())])
        sheet = await sheets.sheet(number, mandates, at)

        async def content(version: int, sheet=sheet) -> bytes:
            return build_advies(sheet, style, version)

        filename = advies_filename(sheet)
        await store.add(DocumentKind.ADVIES, number, filename, content, CHAIR, CHANNEL, at)
