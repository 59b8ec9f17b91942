"""How a moment reads in a card or an answer: one format everywhere, in the Netherlands'
time ('5 december 2026 om 14:05'), so a person sees the same moment the same way in
every flow."""

from datetime import UTC, datetime

from babel.dates import format_date, format_datetime

from dialogs.texts import Language, text
from domain.meetings import AMSTERDAM


def _local(moment: datetime) -> datetime:
    """SQLite gives naive UTC; PostgreSQL an aware moment."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(AMSTERDAM)


def when(moment: datetime, language: Language) -> str:
    """'5 december 2026 om 14:05' / '5 December 2026 at 14:05'."""
    return format_datetime(_local(moment), text("moment.when", language), locale=language)


def day(moment: datetime, language: Language) -> str:
    """'5 december 2026': the day only, where the hour says nothing."""
    return format_date(_local(moment).date(), "d MMMM y", locale=language)
