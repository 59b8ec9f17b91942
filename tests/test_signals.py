"""Signaal vastleggen: the voorzitter notes rode draden (on a case or in general); bad
input is refused in Dutch with nothing stored; the report lists them grouped with counts."""

import re
from datetime import UTC, datetime

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.app import RETBOT
from dialogs.cards.case_pages import PAGE_KEY, STATUS_INPUT
from dialogs.cards.signals import (
    ADVIES_INPUT,
    ADVIES_KEY,
    CASE_INPUT,
    NOTE_INPUT,
    SIGNAL_KEY,
    THEME_INPUT,
)
from domain.cases import Referrer
from domain.signals import Signal, rode_draden
from domain.triage import Decision
from storage.case_archive import CaseArchive
from storage.case_walk import CasePlan, CaseWalker
from storage.database import create_session_factory
from storage.models import AuditRow, SignalRow
from storage.retention import ANONYMOUS, anonymise_closed_cases
from storage.signals import SqlSignalRepository
from tests.support import replaced_card
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_report import retbot

ADVIES_OPEN = "Advies bij rode draad"


def signal(theme: str | None, note: str, case: str = "") -> dict:
    return {SIGNAL_KEY: True, THEME_INPUT: theme, NOTE_INPUT: note, CASE_INPUT: case}


async def stored(bot) -> list[SignalRow]:
    async with bot.app[RETBOT].jobs.sessions() as session:
        return list(await session.scalars(select(SignalRow).order_by(SignalRow.id)))


async def test_the_voorzitter_notes_signals_and_the_report_groups_them(
    bot, connector, http, tmp_path
):
    retbot_app = bot.app[RETBOT]
    walker = CaseWalker(retbot_app.jobs.sessions, retbot_app.jobs.cipher)
    number = await walker.walk(
        CasePlan(Referrer("msteams", "r", "Inge"), {"gemeente": "Hengelo"}, datetime.now(UTC))
    )
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    overview = await chair.submit({PAGE_KEY: 0, STATUS_INPUT: ""})

    first = await chair.submit(signal("aanbod", "Geen plek voor meiden met eetproblemen"))
    second = await chair.submit(signal("aanbod", "Wachtlijst JeugdzorgPlus", number.lower()))
    third = await chair.submit(signal("regie", "Niemand pakt regie bij scheidingen"))
    [advies_form] = [
        a["card"] for a in overview.cards()[0]["actions"] if a.get("title") == ADVIES_OPEN
    ]
    advies_data = advies_form["actions"][0]["data"]
    advice = {THEME_INPUT: "aanbod", ADVIES_INPUT: "Eerst een regionale inkoopafspraak."}
    first_advies = await chair.submit({**advies_data, **advice})
    again = await chair.submit({**advies_data, **advice})
    newer = await chair.submit(
        {ADVIES_KEY: True, THEME_INPUT: "aanbod", ADVIES_INPUT: "Maak één plek per regio vrij."}
    )
    empty_advies = await chair.submit({ADVIES_KEY: True, THEME_INPUT: "aanbod"})
    referrer = person(bot, connector, http, "Inge Referent")
    not_chair = await referrer.submit({ADVIES_KEY: True, **advice})

    assert "Signaal vastleggen" in str(overview.cards()[0])
    assert first.texts() == [
        "Het signaal is vastgelegd onder 'Passend aanbod ontbreekt'. Het staat in de volgende "
        "rapportage."
    ]
    assert second.texts() == first.texts() and third.texts()[0].endswith("rapportage.")
    assert first_advies.texts() == [
        "Je advies bij 'Passend aanbod ontbreekt' is vastgelegd. Het staat in de volgende "
        "rapportage."
    ]
    assert newer.texts() == first_advies.texts()
    assert again.texts() == ["Dit advies is al vastgelegd; er is niets dubbel bewaard."]
    assert empty_advies.texts() == ["Schrijf je advies op; er is niets vastgelegd."]
    assert not_chair.texts() == ["Alleen de voorzitter legt signalen vast."]
    rows = await stored(bot)
    assert [(r.theme, r.case_number, r.noted_by) for r in rows] == [
        ("aanbod", None, "Marieke Hofstede"),
        ("aanbod", number, "Marieke Hofstede"),
        ("regie", None, "Marieke Hofstede"),
    ]
    async with retbot_app.engine.connect() as connection:
        audited = await connection.scalar(
            select(func.count()).where(AuditRow.action == "signaal vastgelegd")
        )
    assert audited == 3

    year = datetime.now(UTC).year
    period = ("--from", f"{year}-01-01", "--to", f"{year}-12-31")
    for fmt in ("docx", "xlsx"):
        done = retbot(bot.settings.database_url, "report", *period, "--format", fmt,
                      "--out", str(tmp_path / f"r.{fmt}"))  # fmt: skip
        assert done.returncode == 0, done.stderr
    document = Document(str(tmp_path / "r.docx"))
    texts = [p.text for p in document.paragraphs]
    draden = texts[texts.index("Rode draden") + 1 :]
    assert draden == [
        "Passend aanbod ontbreekt (2×)",
        "2 keer gesignaleerd, waarvan 1 bij een casus.",
        "Geen plek voor meiden met eetproblemen",
        "Wachtlijst JeugdzorgPlus",
        "Advies: Maak één plek per regio vrij.",  # the latest advies on the theme
        "Regie op samenwerking en transformatie (1×)",
        "1 keer gesignaleerd, waarvan 0 bij een casus.",
        "Niemand pakt regie bij scheidingen",
    ]
    sheet = load_workbook(tmp_path / "r.xlsx")["Rode draden"]
    assert sheet["A1"].value.startswith("RET Jeugd Twente (voorbeeld), periode ")
    assert [row[:3] + row[4:] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        ("Passend aanbod ontbreekt", 2, 1, "Maak één plek per regio vrij."),
        ("Regie op samenwerking en transformatie", 1, 0, None),
    ]


async def test_bad_signals_are_refused_and_nothing_is_stored(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    referrer = person(bot, connector, http, "Inge Referent")

    no_theme = await chair.submit(signal(None, "Iets"))
    odd_theme = await chair.submit(signal("verzonnen", "Iets"))
    empty = await chair.submit(signal("aanbod", "   "))
    long = await chair.submit(signal("aanbod", "x" * 2001))
    unknown = await chair.submit(signal("aanbod", "Iets", "RET-2026-9999"))
    not_chair = await referrer.submit(signal("aanbod", "Iets"))
    referrer_overview = await referrer.submit({PAGE_KEY: 0, STATUS_INPUT: ""})

    assert no_theme.texts() == odd_theme.texts() == ["Kies een thema."]
    assert empty.texts() == ["Schrijf kort op wat je ziet; er is niets vastgelegd."]
    assert long.texts() == ["Dat is te lang (hoogstens 2000 tekens); er is niets vastgelegd."]
    assert unknown.texts()[0].startswith("Casus RET-2026-9999 ken ik niet")
    assert not_chair.texts() == ["Alleen de voorzitter legt signalen vast."]
    assert "Signaal vastleggen" not in str(referrer_overview.cards()[0])
    assert await stored(bot) == []


async def test_the_same_form_submitted_twice_stores_one_signal(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    overview = (await chair.submit({PAGE_KEY: 0, STATUS_INPUT: ""})).cards()[0]
    [form] = [a["card"] for a in overview["actions"] if a.get("title") == "Signaal vastleggen"]
    data = form["actions"][0]["data"]  # what Teams sends back with the inputs
    filled = {**data, THEME_INPUT: "aanbod", NOTE_INPUT: "Geen plek voor meiden"}

    card_message = connector.received[chair.id][-1]["id"]  # Teams says which card was sent
    first = await chair.submit(filled, reply_to=card_message)
    second = await chair.submit(filled)
    again = (await chair.submit({PAGE_KEY: 0, STATUS_INPUT: ""})).cards()[0]
    [new_form] = [a["card"] for a in again["actions"] if a.get("title") == "Signaal vastleggen"]
    other = await chair.submit({**new_form["actions"][0]["data"], THEME_INPUT: "aanbod",
                                NOTE_INPUT: "Geen plek voor meiden"})  # fmt: skip

    assert first.texts()[0].startswith("Het signaal is vastgelegd")
    assert re.fullmatch(
        r"Dit signaal is al vastgelegd op \d+ \w+ \d{4} om \d\d:\d\d door Marieke Hofstede; "
        r"er is niets dubbel bewaard\.",
        second.texts()[0],
    ), second.texts()
    # In Teams the overview with the sent form gives way to the signal, read-only.
    read_only = replaced_card(connector, chair, card_message)
    assert read_only["body"][0]["text"] == "Signaal vastgelegd"
    theme = {"title": "Thema", "value": "Passend aanbod ontbreekt"}
    assert read_only["body"][1]["facts"] == [theme]
    assert read_only["body"][2]["text"].startswith("Vastgelegd door Marieke Hofstede op ")
    assert "Geen plek voor meiden" not in str(read_only)
    assert other.texts()[0].startswith("Het signaal is vastgelegd")  # a new form is new
    assert len(await stored(bot)) == 2


def test_rode_draden_are_grouped_most_noted_first():
    at = datetime(2026, 5, 1, tzinfo=UTC)
    draden = rode_draden(
        [
            Signal("zicht", "a", "M", at),
            Signal("netwerk", "b", "M", at, "RET-2026-0001"),
            Signal("netwerk", "c", "M", at, "RET-2026-0001"),
        ]
    )
    assert [(d.theme, d.count, d.cases, d.notes) for d in draden] == [
        ("Moeite met het mobiliseren van het netwerk", 2, 1, ("b", "c")),
        ("Onvoldoende zicht op wat er nodig is", 1, 0, ("a",)),
    ]


async def test_signal_notes_go_with_anonymisation_and_purge(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    at = datetime(2024, 1, 10, tzinfo=UTC)
    walker = CaseWalker(sessions)
    referrer = Referrer("msteams", "r", "Inge")
    old, purged = [
        await walker.walk(CasePlan(referrer, {}, at, Decision.DOORVERWIJZEN, close_after_days=5))
        for _ in range(2)
    ]
    signals = SqlSignalRepository(sessions)
    for number in (old, purged):
        await signals.add(Signal("aanbod", f"Over {number}", "M", at, number), "msteams")

    await anonymise_closed_cases(sessions, datetime(2025, 1, 1, tzinfo=UTC), at)
    await CaseArchive(sessions).purge(purged, "test")

    kept = await signals.between(at, datetime(2030, 1, 1, tzinfo=UTC))
    assert [(s.case_number, s.theme, s.note) for s in kept] == [(old, "aanbod", ANONYMOUS)]


async def test_a_form_sent_where_others_read_along_stays_as_they_saw_it(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    chair.extra = {"conversation": {"id": chair.id, "conversationType": "groupChat"}}

    saved = await chair.submit(signal("aanbod", "Geen plek"), reply_to="the-card")

    assert saved.texts()[0].startswith("Het signaal is vastgelegd")
    assert connector.updated[chair.id] == []  # replaced only in a personal chat
