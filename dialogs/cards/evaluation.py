"""Evaluation cards: the two-part evaluation in someone's own chat (Action.Submit), and the
voorzitter's overview of a case's evaluations with its leerpunten and a leerpunt form.
Case number and initials only; the answers are shown to the voorzitter alone."""

import json
from collections.abc import Sequence
from datetime import datetime

from dialogs.cards import adaptive_card, heading, labelled, paragraph, required, submit
from dialogs.cards.learning import advice_action, practice_action, sent_line
from dialogs.cards.recorded import recorded_card
from dialogs.moments import when
from dialogs.texts import Language, text
from domain.evaluation import (
    SCORES,
    TEXT_MAX,
    Evaluation,
    FamilyAnswer,
    Judgement,
    Leerpunt,
    RespondentKind,
)
from domain.notices import new_key
from domain.organisation_advice import SentAdvice
from domain.ret import Organisation

EVALUATION_KEY = "evaluation"  # {"evaluation": case number, "score": "4", …}
LEERPUNT_KEY = "leerpunt"  # {"leerpunt": case number, "leerpunt_form": id, …}
FORM_KEY = "leerpunt_form"  # each form shown has its own id: a second submit adds nothing
THEME_INPUT, LEARNED_INPUT, WORKED_INPUT = "leerpunt_theme", "leerpunt_learned", "leerpunt_worked"
TEXT_INPUTS = ("samenwerking", "knelpunt", "oplossing")


def judgement_label(judgement: Judgement | str, language: Language) -> str:
    return text(f"evaluation.judgement.{Judgement(judgement).value}", language)


def _choice(name: str, label: str, choices: list[dict], values: dict, message: str) -> dict:
    element = {
        "type": "Input.ChoiceSet",
        "id": name,
        "label": label,
        "style": "expanded",
        "choices": choices,
    }
    if isinstance(values.get(name), str):
        element["value"] = values[name]
    return required(element, message)


def _judgement(name: str, values: dict, language: Language) -> dict:
    choices = [{"title": judgement_label(j, language), "value": j.value} for j in Judgement]
    return _choice(
        name,
        text(f"evaluation.{name}", language),
        choices,
        values,
        text("evaluation.choose", language),
    )


def _free_text(name: str, values: dict, language: Language) -> dict:
    element = {
        "type": "Input.Text",
        "id": name,
        "label": text(f"evaluation.{name}", language),
        "isMultiline": True,
        "maxLength": TEXT_MAX,
    }
    if isinstance(values.get(name), str) and values[name]:
        element["value"] = values[name]
    return element


def evaluation_card(
    number: str,
    initials: str,
    language: Language,
    *,
    reminder: bool = False,
    values: dict | None = None,
    problem: str | None = None,
    after_advice_weeks: int | None = None,
    family_link: tuple[str, int] | None = None,
) -> dict:
    """The evaluation; `values` and `problem` when an answer is asked again. For a case
    still open some weeks after its advice, `after_advice_weeks`; for the verwijzer,
    `family_link` (the url and the days it works) to pass on to the family."""
    values = values or {}
    title = text("evaluation.title", language, number=number, initials=initials)
    body = [heading(text("evaluation.reminder", language) + title if reminder else title)]
    if problem:
        message = text(f"evaluation.problem.{problem}", language, max=TEXT_MAX)
        body.append({"type": "Container", "style": "attention", "items": [paragraph(message)]})
    scores = [{"title": text(f"evaluation.score.{s}", language), "value": str(s)} for s in SCORES]
    intro = (
        text("evaluation.after_advice.intro", language, weeks=after_advice_weeks)
        if after_advice_weeks
        else text("evaluation.intro", language)
    )
    body.append(paragraph(intro, subtle=True))
    actions = []
    if family_link is not None:
        url, days = family_link
        body.append(paragraph(text("evaluation.family_link", language, days=days)))
        title = text("evaluation.family_link.button", language)
        actions.append({"type": "Action.OpenUrl", "title": title, "url": url})
    body += [
        heading(text("evaluation.part.samenwerking", language)),
        _choice(
            "score",
            text("evaluation.score", language),
            scores,
            values,
            text("evaluation.problem.score", language),
        ),
        _judgement("afspraken", values, language),
        _free_text("samenwerking", values, language),
        heading(text("evaluation.part.inhoud", language)),
        _free_text("knelpunt", values, language),
        _free_text("oplossing", values, language),
        _judgement("advies", values, language),
        _judgement("beter_af", values, language),
    ]
    action = submit(text("evaluation.send", language), {EVALUATION_KEY: number})
    return adaptive_card(body, actions=[{**action, "style": "positive"}, *actions])


def answered_card(
    number: str,
    initials: str,
    by: str,
    at: datetime,
    language: Language,
    family_link: tuple[str, int] | None = None,
) -> dict:
    """What replaces the card once answered: read-only, so it cannot be sent twice; the
    verwijzer keeps the family's link to pass on while the family has not answered."""
    title = text("evaluation.title", language, number=number, initials=initials)
    if family_link is None:
        return recorded_card(title, [], by, at, language)
    url, days = family_link
    after = text("evaluation.family_link", language, days=days)
    links = [(text("evaluation.family_link.button", language), url)]
    return recorded_card(title, [], by, at, language, after=after, links=links)


def who(evaluation: Evaluation, language: Language) -> str:
    if evaluation.kind is RespondentKind.GEZIN:
        return f"{evaluation.by} ({text('evaluation.kind.gezin', language)})"
    if evaluation.kind is RespondentKind.VERWIJZER:
        kind = text("evaluation.kind.verwijzer", language)
    else:
        kind = text("evaluation.kind.kernteamlid", language, org=evaluation.organisation)
    return f"{evaluation.by} ({kind})"


def overview_cards(
    number: str,
    initials: str,
    asked: int | None,
    evaluations: Sequence[Evaluation],
    leerpunten: Sequence[Leerpunt],
    themes: Sequence[str],
    language: Language,
    organisations: Sequence[Organisation] = (),
    sent: Sequence[SentAdvice] = (),
) -> list[dict]:
    """A case's evaluations together, its leerpunten (each with the letters sent on it and
    the form for an advies aan een organisatie of the RET file), and on the last card the
    form for a new leerpunt and 'Goed voorbeeld'. `asked`: how many were asked (None: no
    evaluation was asked). As many cards as it takes to stay within Teams' message size:
    every answer may be long."""
    body = [heading(text("evaluation.overview.title", language, number=number, initials=initials))]
    if asked is None:
        body.append(paragraph(text("evaluation.overview.not_asked", language), subtle=True))
    else:
        count = text("evaluation.overview.count", language, answered=len(evaluations), asked=asked)
        body.append(paragraph(count, subtle=True))
    body += [_evaluation_block(e, language) for e in evaluations]
    body.append(heading(text("evaluation.leerpunten", language)))
    if not leerpunten:
        body.append(paragraph(text("evaluation.leerpunten.none", language), subtle=True))
    for leerpunt in leerpunten:
        items = [paragraph(f"**{leerpunt.theme}**")]
        if leerpunt.learned:
            items.append(labelled(text("evaluation.leerpunt.learned", language), leerpunt.learned))
        if leerpunt.worked:
            items.append(labelled(text("evaluation.leerpunt.worked", language), leerpunt.worked))
        items += [sent_line(s, language) for s in sent if s.leerpunt_id == leerpunt.id]
        if organisations and leerpunt.id is not None:
            action = advice_action(number, leerpunt.id, organisations, language)
            items.append({"type": "ActionSet", "actions": [action]})
        body.append({"type": "Container", "separator": True, "items": items})
    form = leerpunt_action(number, themes, language)
    practice = practice_action(number, language)
    cards, current = [], []
    for block in body:
        if current and _size([*current, block, form, practice]) > CARD_BUDGET:
            cards.append(adaptive_card(current))
            current = []
        current.append(block)
    return [*cards, adaptive_card(current, actions=[form, practice])]


CARD_BUDGET = 20 * 1024  # bytes of a card's body and form: well within Teams' 28 KB


def _size(blocks: list) -> int:
    return len(json.dumps(blocks, ensure_ascii=False).encode())


def _evaluation_block(evaluation: Evaluation, language: Language) -> dict:
    answer = evaluation.answer
    heard = text(
        "evaluation.overview.who",
        language,
        who=who(evaluation, language),
        when=when(evaluation.at, language),
    )
    if isinstance(answer, FamilyAnswer):
        return _family_block(heard, answer, language)
    scores = text(
        "evaluation.overview.scores",
        language,
        score=answer.score,
        afspraken=judgement_label(answer.afspraken, language).lower(),
    )
    outcome = text(
        "evaluation.overview.outcome",
        language,
        advies=judgement_label(answer.advies, language).lower(),
        beter_af=judgement_label(answer.beter_af, language).lower(),
    )
    items = [paragraph(f"**{heard}**"), paragraph(scores), paragraph(outcome)]
    for name in TEXT_INPUTS:
        written = getattr(answer, name)
        if written:
            items.append(labelled(text(f"evaluation.overview.{name}", language), written))
    return {"type": "Container", "separator": True, "items": items}


def _family_block(heard: str, answer: FamilyAnswer, language: Language) -> dict:
    """The family's own four questions, as they were asked."""
    items = [
        paragraph(f"**{heard}**"),
        labelled(text("evaluation.family.gehoord", language), f"{answer.gehoord}/5"),
        labelled(text("evaluation.family.wens", language), judgement_label(answer.wens, language)),
        labelled(text("evaluation.family.nu", language), f"{answer.nu}/5"),
    ]
    if answer.toelichting:
        items.append(labelled(text("evaluation.family.toelichting", language), answer.toelichting))
    return {"type": "Container", "separator": True, "items": items}


def leerpunt_action(number: str, themes: Sequence[str], language: Language) -> dict:
    form = adaptive_card(
        [
            required(
                {
                    "type": "Input.ChoiceSet",
                    "id": THEME_INPUT,
                    "label": text("evaluation.leerpunt.theme", language),
                    "choices": [{"title": t, "value": t} for t in themes],
                },
                text("evaluation.leerpunt.theme_missing", language),
            ),
            {
                "type": "Input.Text",
                "id": LEARNED_INPUT,
                "label": text("evaluation.leerpunt.learned_label", language),
                "isMultiline": True,
                "maxLength": TEXT_MAX,
            },
            {
                "type": "Input.Text",
                "id": WORKED_INPUT,
                "label": text("evaluation.leerpunt.worked_label", language),
                "isMultiline": True,
                "maxLength": TEXT_MAX,
            },
        ],
        [
            submit(
                text("evaluation.leerpunt.save", language),
                {LEERPUNT_KEY: number, FORM_KEY: new_key()},
            )
        ],
    )
    return {
        "type": "Action.ShowCard",
        "title": text("evaluation.leerpunt.open", language),
        "card": form,
    }
