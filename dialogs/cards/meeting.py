"""Cards around the RET meeting: the voorzitter's preparation form (family contact and
flexibele schil), the family-contact task, the invitees' answer, the readiness card and the
agenda. Everything but the preparation and readiness cards carries number and initials only."""

from babel.dates import format_date

from dialogs.cards import adaptive_card, execute, facts, heading, paragraph, required, submit
from dialogs.cards.booking import VERB_MOVE, moment, move_data
from dialogs.cards.intake import display
from dialogs.cards.recorded import recorded_card
from dialogs.texts import Language, text
from domain.booking import Booking
from domain.cases import Case
from domain.flexibele_schil import SchilSuggestion
from domain.intake import LINE_MAX, SECTIONS, STORY_MAX
from domain.meeting_prep import Answer, Attendance, Participation, Readiness
from domain.ret import Member

PREP_KEY = "meeting_prep"  # {"meeting_prep": number, "contact_member": email, "schil": "a,b"}
CONTACT_INPUT = "contact_member"
SCHIL_INPUT = "schil"
FAMILY_KEY = "family_contact"  # {"family_contact": number, "participation": .., "wishes": ..}
PARTICIPATION_INPUT = "participation"
WISHES_INPUT = "wishes"
ATTEND_KEY = "attendance"  # {"attendance": number, "answer": "komt", "stand_in_<number>": ..}

_FIELDS = {f.key: f for s in SECTIONS for f in s.fields}


def day_of(day, language: Language) -> str:
    return format_date(day, "EEEE d MMMM", locale=language)


def reasons_of(suggestion: SchilSuggestion, language: Language) -> str:
    return ", ".join(r.label(language).lower() for r in suggestion.reasons)


def prep_card(
    case: Case,
    booking: Booking,
    candidates: list[Member],
    contact: Member | None,
    due,
    suggestions: list[SchilSuggestion],
    language: Language,
) -> dict:
    """For the voorzitter's own chat: who contacts the family, whom of the schil to invite."""
    when = moment(booking.slot, language)
    body = [
        heading(text("prep.title", language, number=case.number, initials=case.initials)),
        paragraph(text("prep.intro", language, **when)),
        {
            "type": "Input.ChoiceSet",
            "id": CONTACT_INPUT,
            "label": text("prep.contact_label", language, due=day_of(due, language)),
            "choices": [
                {"title": f"{m.name} ({m.role.value})", "value": m.email} for m in candidates
            ],
            **({"value": contact.email} if contact else {}),
        },
    ]
    if suggestions:
        choices = [
            {
                "title": text(
                    "prep.schil_choice",
                    language,
                    name=s.member.name,
                    organisation=s.member.organisation,
                    reasons=reasons_of(s, language),
                ),
                "value": s.member.email,
            }
            for s in suggestions
        ]
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": SCHIL_INPUT,
                "label": text("prep.schil_label", language),
                "isMultiSelect": True,
                "style": "expanded",
                "choices": choices,
            }
        )
    else:
        body.append(paragraph(text("prep.no_schil", language), subtle=True))
    return adaptive_card(body, [submit(text("prep.save", language), {PREP_KEY: case.number})])


def family_task_card(
    case: Case, booking: Booking, due, language: Language, reach: str | None = None
) -> dict:
    """For the member who contacts the family: what to ask, and where to record it.
    `reach`: how to reach the family, for a member who cannot open the full request."""
    when = moment(booking.slot, language)
    choices = [
        {"title": text(f"family.participation.{p.value}", language), "value": p.value}
        for p in Participation
    ]
    missing = text("family.missing", language)
    body = [
        heading(text("family.title", language, number=case.number, initials=case.initials)),
        paragraph(text("family.intro", language, due=day_of(due, language), **when)),
        paragraph(
            text("family.reach", language, how=reach)
            if reach
            else text("family.reach_details", language),
            subtle=True,
        ),
        required(
            {
                "type": "Input.ChoiceSet",
                "id": PARTICIPATION_INPUT,
                "label": text("family.participation", language),
                "style": "expanded",
                "choices": choices,
            },
            missing,
        ),
        required(
            {
                "type": "Input.Text",
                "id": WISHES_INPUT,
                "label": text("family.wishes", language),
                "isMultiline": True,
                "maxLength": STORY_MAX,
            },
            missing,
        ),
    ]
    return adaptive_card(body, [submit(text("family.save", language), {FAMILY_KEY: case.number})])


def stand_in_input(number: str) -> str:
    """Per case: a submit sends the inputs of the whole card."""
    return f"stand_in_{number}"


def attendance_actions(case: Case, language: Language) -> list[dict]:
    """'Ik kom' and 'Ik kan niet' (with whoever comes instead) on an invitation."""
    data = {ATTEND_KEY: case.number}
    cannot = adaptive_card(
        [
            {
                "type": "Input.Text",
                "id": stand_in_input(case.number),
                "label": text("attend.stand_in", language),
                "maxLength": LINE_MAX,
            }
        ],
        [submit(text("attend.send", language), {**data, "answer": Answer.KAN_NIET.value})],
    )
    return [
        submit(text("attend.yes", language), {**data, "answer": Answer.KOMT.value}),
        {"type": "Action.ShowCard", "title": text("attend.no", language), "card": cannot},
    ]


def attendance_card(
    case: Case, booking: Booking, answer: Attendance, calendar_url: str, language: Language
) -> dict:
    """What takes an invitation's place once answered: the meeting and the answer, with
    the calendar link but no buttons left to answer with."""
    when = moment(booking.slot, language)
    pairs = [
        (text("booking.date", language), when["day"]),
        (text("booking.time", language), text("booking.time_value", language, **when)),
        (text("booking.location", language), when["location"]),
        (text("attend.answer", language), own_answer_label(answer, language)),
    ]
    title = text("booking.invitation", language, number=case.number, initials=case.initials)
    link = (text("booking.calendar", language), calendar_url)
    return recorded_card(
        title, pairs, answer.person_name, answer.answered_at, language, links=[link]
    )


def attendance_label(answer: Attendance | None, language: Language) -> str:
    """'komt', 'kan niet', or who comes instead."""
    if answer is None:
        return text("ready.no_answer", language)
    if answer.answer is Answer.KOMT:
        return text("ready.komt", language)
    if answer.stand_in:
        return text("ready.stand_in", language, name=answer.stand_in)
    return text("ready.kan_niet", language)


def own_answer_label(answer: Attendance, language: Language) -> str:
    """The answer in the words of whoever gave it, as the buttons said it ('Ik kom')."""
    if answer.answer is Answer.KOMT:
        return text("attend.yes", language)
    if answer.stand_in:
        return text("attend.own_stand_in", language, name=answer.stand_in)
    return text("attend.no", language)


def readiness_card(ready: Readiness, contact_name: str, language: Language) -> dict:
    """For the voorzitter's own chat, two working days before the meeting."""
    case = ready.case
    if ready.family is None or ready.family.open:
        family = text("ready.family_open", language, name=contact_name)
    else:
        family = text(f"family.participation.{ready.family.participation.value}", language)
    school = display(_FIELDS["school_betrokken"], case.answers.get("school_betrokken"), language)
    onderwijs = [
        f"{m.name}: {attendance_label(a, language)}"
        for m, a in ready.members
        if m.email not in ready.schil and any("onderwijs" in e.lower() for e in m.expertise)
    ]
    kernteam = [
        (f"{m.organisation} ({m.name})", attendance_label(a, language))
        for m, a in ready.members
        if m.email not in ready.schil
    ]
    schil = [
        (f"{m.name} ({m.organisation})", attendance_label(a, language))
        for m, a in ready.members
        if m.email in ready.schil
    ]
    body = [
        heading(text("ready.title", language, number=case.number, initials=case.initials)),
        paragraph(text("ready.when", language, **moment(ready.booking.slot, language))),
        facts(
            [
                (text("ready.referrer", language), attendance_label(ready.referrer, language)),
                (text("ready.family", language), family),
                (
                    text("ready.onderwijs", language),
                    "; ".join([text("ready.school", language, value=school), *onderwijs]),
                ),
            ]
        ),
        {"type": "TextBlock", "text": text("ready.kernteam", language), "weight": "Bolder"},
        facts(kernteam),
        {"type": "TextBlock", "text": text("ready.schil", language), "weight": "Bolder"},
        facts(schil) if schil else paragraph(text("ready.none_invited", language), subtle=True),
    ]
    actions = []
    if ready.flagged:
        who = (
            "both"
            if not ready.referrer_confirmed and not ready.family_confirmed
            else "referrer"
            if not ready.referrer_confirmed
            else "family"
        )
        missing = text(f"ready.missing_{who}", language)
        body.append(
            {
                "type": "TextBlock",
                "text": text("ready.flag", language, missing=missing),
                "wrap": True,
                "color": "Attention",
                "weight": "Bolder",
            }
        )
        actions.append(
            execute(
                text("booking.action.move", language), VERB_MOVE, move_data(case, ready.booking)
            )
        )
    else:
        body.append(paragraph(text("ready.ok", language)))
    return adaptive_card(body, actions)


def ask_of(case: Case, language: Language) -> str:
    """What the table is asked, worded from the kind of question (never free text)."""
    kind = case.answers.get("soort_vraag")
    known = {t.code for t in _FIELDS["soort_vraag"].vocabulary}
    return text(f"table_ask.{kind}" if kind in known else "table_ask.unknown", language)


def agenda_item(case: Case, booking: Booking, age_group: str | None, language: Language) -> list:
    kind = case.answers.get("soort_vraag")
    age = text("agenda.age_value", language, group=age_group) if age_group else "-"
    return [
        {
            "type": "TextBlock",
            "text": text(
                "agenda.case",
                language,
                start=booking.slot.start.strftime("%H:%M"),
                number=case.number,
                initials=case.initials or "-",
            ),
            "weight": "Bolder",
            "wrap": True,
            "separator": True,
        },
        facts(
            [
                (text("agenda.age", language), age),
                (text("agenda.kind", language), display(_FIELDS["soort_vraag"], kind, language)),
                (text("agenda.ask", language), ask_of(case, language)),
            ]
        ),
    ]


def agenda_card(items: list[tuple[Case, Booking, str | None]], language: Language) -> dict:
    """One meeting's agenda for the kernteamleden: no names, no diagnoses, no free text."""
    first = items[0][1].slot
    when = moment(first, language)
    last = items[-1][1].slot
    body = [
        heading(text("agenda.title", language, day=when["day"])),
        paragraph(
            text(
                "agenda.intro",
                language,
                day=when["day"],
                start=when["start"],
                end=last.end.strftime("%H:%M"),
                location=first.location,
            )
        ),
    ]
    for case, booking, group in items:
        body += agenda_item(case, booking, group, language)
    return adaptive_card(body)
