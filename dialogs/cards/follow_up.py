"""Follow-up cards: the question of a round in someone's own chat (Action.Submit), and the
escalatieladder for the voorzitter. Case number and initials only, and for an organisation
the afspraak it is asked about."""

from dialogs.cards import adaptive_card, heading, labelled, paragraph, required, submit
from dialogs.cards.recorded import recorded_card
from dialogs.moments import when
from dialogs.texts import Language, text
from domain.follow_up import TOELICHTING_MAX, Answer, Ask, AskKind, Progress
from domain.ret import EscalationStep

FOLLOW_UP_KEY = "follow_up"  # the answer's submit: {"follow_up": ask id, "voortgang": …}
PROGRESS_INPUT = "voortgang"
NOTE_INPUT = "toelichting"
ESCALATE_KEY = "follow_up_escalate"  # {"follow_up_escalate": number, "step": …}
STEP_KEY = "step"
_AUDIENCE = {AskKind.AFSPRAAK: "org", AskKind.VERWIJZER: "referrer"}


def progress_label(kind: AskKind, progress: Progress, language: Language) -> str:
    return text(f"follow_up.choice.{_AUDIENCE[kind]}.{progress.name.lower()}", language)


def note_label(kind: AskKind, language: Language) -> str:
    """The note's label, in the words of that audience's choices."""
    return text(f"follow_up.note_label.{_AUDIENCE[kind]}", language)


def question(ask: Ask, language: Language) -> str:
    if ask.kind is AskKind.AFSPRAAK:
        return text("follow_up.question.org", language, org=ask.organisation)
    return text("follow_up.question.referrer", language)


def ask_card(
    ask: Ask,
    link: str,
    link_days: int,
    language: Language,
    *,
    reminder: bool = False,
    values: dict | None = None,
    problem: str | None = None,
) -> dict:
    """The question; `values` and `problem` when an answer is asked again."""
    values = values or {}
    title = text("follow_up.title", language, number=ask.case_number, initials=ask.initials)
    body = [heading(text("follow_up.reminder", language) + title if reminder else title)]
    if problem:
        body.append(
            {
                "type": "Container",
                "style": "attention",
                "items": [paragraph(problem_text(problem, language))],
            }
        )
    body.append(paragraph(text("follow_up.intro", language), subtle=True))
    if ask.kind is AskKind.AFSPRAAK:
        body.append(labelled(text("follow_up.afspraak", language), ask.afspraak or "-"))
    choice = {
        "type": "Input.ChoiceSet",
        "id": PROGRESS_INPUT,
        "label": question(ask, language),
        "style": "expanded",
        "choices": [
            {"title": progress_label(ask.kind, p, language), "value": p.value} for p in Progress
        ],
    }
    if isinstance(values.get(PROGRESS_INPUT), str):
        choice["value"] = values[PROGRESS_INPUT]
    note = {
        "type": "Input.Text",
        "id": NOTE_INPUT,
        "label": note_label(ask.kind, language),
        "isMultiline": True,
        "maxLength": TOELICHTING_MAX,
    }
    if isinstance(values.get(NOTE_INPUT), str) and values[NOTE_INPUT]:
        note["value"] = values[NOTE_INPUT]
    body += [
        required(choice, text("follow_up.problem.choice", language)),
        note,
        paragraph(text("follow_up.link", language, days=link_days), subtle=True),
    ]
    action = submit(text("follow_up.send", language), {FOLLOW_UP_KEY: ask.id})
    for_a_colleague = {
        "type": "Action.OpenUrl",
        "title": text("follow_up.link_button", language),
        "url": link,
    }
    return adaptive_card(body, actions=[{**action, "style": "positive"}, for_a_colleague])


def answered_card(ask: Ask, answer: Answer, language: Language) -> dict:
    """The question with its answer, read-only: what replaces the card once answered."""
    title = text("follow_up.title", language, number=ask.case_number, initials=ask.initials)
    progress = progress_label(ask.kind, answer.progress, language)
    pairs = []
    if ask.kind is AskKind.AFSPRAAK:
        pairs.append((text("follow_up.afspraak", language), ask.afspraak or "-"))
    if answer.toelichting:
        pairs.append((text("follow_up.note", language), answer.toelichting))
    at = when(answer.at, language)
    answered = text("follow_up.answered", language, by=answer.by, when=at, progress=progress)
    return recorded_card(title, pairs, answer.by, answer.at, language, line=answered)


def problem_text(problem: str, language: Language) -> str:
    return text(f"follow_up.problem.{problem}", language, max=TOELICHTING_MAX)


def ladder_card(
    number: str, initials: str, taken: list[EscalationStep], language: Language
) -> dict:
    """Where the case is on the escalatieladder, with the next step to take (voorzitter)."""
    body = [
        heading(text("follow_up.ladder_title", language, number=number, initials=initials)),
        paragraph(text("follow_up.ladder_intro", language), subtle=True),
    ]
    for step in EscalationStep:
        key = "follow_up.ladder_taken" if step in taken else "follow_up.ladder_open"
        body.append(paragraph(text(key, language, step=step.value)))
    remaining = [s for s in EscalationStep if s not in taken]
    actions = []
    if remaining:
        data = {ESCALATE_KEY: number, STEP_KEY: remaining[0].value}
        actions.append(submit(text("follow_up.ladder_next", language, step=remaining[0]), data))
    return adaptive_card(body, actions=actions)
