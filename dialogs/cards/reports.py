"""The Rapportage form: a period, preset to the last quarter (a 1:1 form: Action.Submit)."""

from dialogs.cards import adaptive_card, heading, paragraph, required, submit
from dialogs.texts import Language, text
from domain.report import Period

REPORT_OPEN_KEY = "report_open"  # the menu's button
REPORT_KEY = "report"  # {"report": true, "report_from": "2026-01-01", "report_to": ..}
FROM_INPUT, TO_INPUT = "report_from", "report_to"


def report_form(suggested: Period, language: Language) -> dict:
    def day(id: str, label: str, value: str) -> dict:
        element = {"type": "Input.Date", "id": id, "label": label, "value": value}
        return required(element, text("reports.date_missing", language))

    return adaptive_card(
        [
            heading(text("reports.title", language)),
            paragraph(text("reports.intro", language), subtle=True),
            day(FROM_INPUT, text("reports.from", language), suggested.start.isoformat()),
            day(TO_INPUT, text("reports.to", language), suggested.end.isoformat()),
        ],
        [submit(text("reports.make", language), {REPORT_KEY: True})],
    )
