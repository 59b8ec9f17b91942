"""The form behind 'Signaal vastleggen' (a 1:1 form: Action.Submit)."""

from dialogs.cards import adaptive_card, paragraph, required, submit
from dialogs.texts import Language, text
from domain.intake import LINE_MAX
from domain.notices import new_key
from domain.signals import NOTE_MAX, THEMES

SIGNAL_KEY = "signal"  # {"signal": true, "signal_theme": .., "signal_note": .., "signal_case": ..}
THEME_INPUT, NOTE_INPUT, CASE_INPUT = "signal_theme", "signal_note", "signal_case"
FORM_KEY = "signal_form"  # each form shown has its own id: a second submit of it adds nothing
ADVIES_KEY = "signal_advies"  # {"signal_advies": true, "signal_theme": .., "advies_text": ..}
ADVIES_INPUT = "advies_text"


def _theme_input(language: Language) -> dict:
    """The rode draad a signal or an advies is about."""
    choices = [{"title": t.label(language), "value": t.code} for t in THEMES]
    theme = {"type": "Input.ChoiceSet", "id": THEME_INPUT, "label": text("signals.theme", language)}
    return required({**theme, "choices": choices}, text("signals.theme_missing", language))


def signal_action(language: Language) -> dict:
    form = adaptive_card(
        [
            paragraph(text("signals.intro", language), subtle=True),
            _theme_input(language),
            {
                "type": "Input.Text",
                "id": NOTE_INPUT,
                "label": text("signals.note", language),
                "isMultiline": True,
                "maxLength": NOTE_MAX,
            },
            {
                "type": "Input.Text",
                "id": CASE_INPUT,
                "label": text("signals.case", language),
                "maxLength": LINE_MAX,
            },
        ],
        [submit(text("signals.save", language), {SIGNAL_KEY: True, FORM_KEY: new_key()})],
    )
    return {"type": "Action.ShowCard", "title": text("signals.open", language), "card": form}


def advies_action(language: Language) -> dict:
    """The voorzitter's advies on a rode draad, printed under it in the report."""
    form = adaptive_card(
        [
            paragraph(text("signals.advies_intro", language), subtle=True),
            _theme_input(language),
            required(
                {
                    "type": "Input.Text",
                    "id": ADVIES_INPUT,
                    "label": text("signals.advies", language),
                    "isMultiline": True,
                    "maxLength": NOTE_MAX,
                },
                text("signals.advies_empty", language),
            ),
        ],
        [submit(text("signals.save", language), {ADVIES_KEY: True, FORM_KEY: new_key()})],
    )
    return {
        "type": "Action.ShowCard",
        "title": text("signals.advies_open", language),
        "card": form,
    }
