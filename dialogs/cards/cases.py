"""The overview of cases: number, initials, gemeente and status; no names, no details."""

from babel.dates import format_date

from dialogs.cards import adaptive_card, facts, heading, paragraph
from dialogs.cards.intake import display
from dialogs.texts import Language, text
from domain.cases import Case
from domain.intake import SECTIONS

_SOORT_VRAAG = next(f for s in SECTIONS for f in s.fields if f.key == "soort_vraag")


def cases_card(cases: list[Case], team_view: bool, language: Language) -> dict:
    title = text("cases.title_team" if team_view else "cases.title_mine", language)
    body = [heading(title)]
    if not cases:
        body.append(paragraph(text("cases.none", language)))
    for case in cases:
        submitted = (
            format_date(case.submitted_at, "d MMMM y", locale=language)
            if case.submitted_at
            else "-"
        )
        gemeente = case.answers.get("gemeente", "-")
        body += [
            {
                "type": "TextBlock",
                "text": f"{case.number} · {case.initials or '-'} · {gemeente}",
                "weight": "Bolder",
                "wrap": True,
                "separator": True,
            },
            facts(
                [
                    (text("cases.status", language), case.status.value),
                    (text("cases.submitted", language), submitted),
                    (
                        _SOORT_VRAAG.label(language),
                        display(_SOORT_VRAAG, case.answers.get("soort_vraag"), language),
                    ),
                ]
            ),
        ]
    return adaptive_card(body)
