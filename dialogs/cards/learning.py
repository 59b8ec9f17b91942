"""Cards for what follows the leerpunten: the form for an advies aan de moederorganisatie
(on a leerpunt in the voorzitter's overview), the letters sent, and the goed voorbeeld's
draft with its 'Goedkeuren'."""

from collections.abc import Sequence

from dialogs.cards import adaptive_card, heading, paragraph, required, submit
from dialogs.cards.consult import when
from dialogs.texts import Language, text
from domain.evaluation import TEXT_MAX
from domain.notices import new_key
from domain.organisation_advice import SentAdvice
from domain.ret import Organisation

ADVICE_KEY = "organisatie_advies"  # {"organisatie_advies": case, "leerpunt_id": …, …}
PRACTICE_KEY = "goed_voorbeeld"  # {"goed_voorbeeld": case}
REVIEW_KEY = "goed_voorbeeld_akkoord"  # {"goed_voorbeeld_akkoord": case, "version": n}
LEERPUNT_ID, ADVICE_FORM = "leerpunt_id", "advice_form"
ORGANISATION_INPUT, ADVICE_INPUT = "advice_organisation", "advice_text"


def _choice(organisation: Organisation, language: Language) -> str:
    """The organisation's name, with its kind where the name does not say it already
    ('Jeugd-GGZ De Bron (zorgaanbieder)', but 'Gemeente Enschede')."""
    name, kind = organisation.name, organisation.kind.value
    if kind.casefold() in name.casefold():
        return name
    return text("learning.advice.choice", language, name=name, kind=kind)


def advice_action(
    number: str, leerpunt_id: int, organisations: Sequence[Organisation], language: Language
) -> dict:
    """'Advies aan organisatie' on a leerpunt: pick an organisation, write the advice."""
    choices = [{"title": _choice(o, language), "value": o.name} for o in organisations]
    form = adaptive_card(
        [
            required(
                {
                    "type": "Input.ChoiceSet",
                    "id": ORGANISATION_INPUT,
                    "label": text("learning.advice.organisation", language),
                    "choices": choices,
                },
                text("learning.advice.organisation_missing", language),
            ),
            required(
                {
                    "type": "Input.Text",
                    "id": ADVICE_INPUT,
                    "label": text("learning.advice.text", language),
                    "isMultiline": True,
                    "maxLength": TEXT_MAX,
                },
                text("learning.advice.text_missing", language),
            ),
        ],
        [
            submit(
                text("learning.advice.send", language),
                {ADVICE_KEY: number, LEERPUNT_ID: leerpunt_id, ADVICE_FORM: new_key()},
            )
        ],
    )
    return {
        "type": "Action.ShowCard",
        "title": text("learning.advice.open", language),
        "card": form,
    }


def sent_line(sent: SentAdvice, language: Language) -> dict:
    words = {"organisation": sent.organisation, "when": when(sent.at, language), "by": sent.by}
    return paragraph(text("learning.advice.sent_line", language, **words), subtle=True)


def practice_action(number: str, language: Language) -> dict:
    return submit(text("learning.practice.mark", language), {PRACTICE_KEY: number})


def draft_card(number: str, version: int, url: str, language: Language) -> dict:
    """The goed voorbeeld's draft in the voorzitter's own chat: open it, then approve."""
    words = {"number": number, "version": version}
    return adaptive_card(
        [
            heading(text("learning.practice.draft_title", language, **words)),
            paragraph(text("learning.practice.draft_text", language)),
        ],
        [
            {
                "type": "Action.OpenUrl",
                "title": text("learning.practice.download", language),
                "url": url,
            },
            {
                **submit(
                    text("learning.practice.approve", language),
                    {REVIEW_KEY: number, "version": version},
                ),
                "style": "positive",
            },
        ],
    )


def approved_card(number: str, version: int, by: str, moment: str, language: Language) -> dict:
    """What replaces the draft card once approved: no button left to press twice."""
    words = {"number": number, "version": version}
    return adaptive_card(
        [
            heading(text("learning.practice.approved_title", language, **words)),
            paragraph(
                text("learning.practice.approved_card", language, by=by, when=moment, **words)
            ),
        ]
    )
