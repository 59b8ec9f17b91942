"""The advies as a Word document through the real app, read back with python-docx: made when
the advice is issued and again after every mandate answer (old versions stay), downloadable
by a signed, expiring, audited link, that link emailed to kernteamleden outside Teams (the
document attached only when the RET file allows it), in a replaced house style when the RET
file names one, and as PDF via LibreOffice."""

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from bot.app import RETBOT
from bot.settings import Settings
from dialogs.cards.advice import REASON_INPUT, VERB_CONFIRM, VERB_DECLINE
from documents.advies import build_advies
from documents.house_style import DEFAULT_TEMPLATE, load_house_style
from domain.advice import Advice, Afspraak, Attendee, Mandate, MandateAnswer
from domain.advice_sheet import advice_sheet
from domain.cases import Case, CaseStatus, Referrer
from domain.documents import DocumentKind
from domain.ret import DocumentSettings, RetConfig
from domain.roles import Role
from storage.database import create_session_factory
from storage.documents import SqlDocumentRepository
from storage.encryption import FieldCipher
from storage.models import AuditRow
from tests.smtp_server import body_of
from tests.support import REPO, RunningBot, emails_at_once
from tests.test_advice_flow import (
    FATIMA_AAD,
    GGZ,
    LVB,
    SAMENVATTING,
    SOON,
    THIJS_AAD,
    case_at_the_table,
    elements,
    form_values,
    in_channel,
    issued,
    open_form,
    rows,
    step_card,
)
from tests.test_advice_flow import ret as ret
from tests.test_intake_flow import VALID

JO = "Jeugd & Opvoeding Oost"  # its kernteamlid, Joost Bruggink, is listed by email only
URL = re.compile(r"\((http://[^)]+/documents/[^)]+)\)")
MAILED_URL = re.compile(r"http://\S+/documents/\S+")
WEEKDAY_DATE = re.compile(
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+ 20\d\d"
)


def store_of(bot) -> SqlDocumentRepository:
    retbot = bot.app[RETBOT]
    sessions = create_session_factory(retbot.engine)
    return SqlDocumentRepository(sessions, FieldCipher(retbot.settings.data_key))


def read(content: bytes):
    return Document(io.BytesIO(content))


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def afspraken_table(document):
    return next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Organisatie" and len(t.columns) == 5
    )


def everything(document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


async def test_the_issued_advice_becomes_version_1_with_its_three_parts(bot, connector, http):
    *_, number, _, _ = await issued(bot, connector, http)

    version = await store_of(bot).latest(DocumentKind.ADVIES, number)
    document = read(version.content)
    text = everything(document)

    assert (version.version, version.filename, version.created_by) == (
        1,
        f"advies-{number}.docx",
        "Marieke Hofstede",
    )
    assert document.paragraphs[0].text == "Zwaarwegend advies"
    assert headings(document) == [
        "Deelnemers",
        "Samenvatting casus",
        "Advies",
        "Gemaakte afspraken",
        "Follow-up",
        "Verzendlijst",
    ]
    facts = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert facts["Casus"] == number
    assert facts["Jeugdige"] == "J.D., leeftijdsgroep 13-16 jaar"
    assert WEEKDAY_DATE.fullmatch(facts["RET-overleg"].split(", ")[0]), facts["RET-overleg"]
    table = afspraken_table(document)
    assert len(table.rows) == 1 + 2  # the header and one row per afspraak
    assert [c.text for c in table.rows[2].cells][:3] == [
        LVB,
        "Fatima el Amrani",
        "Levert een gedragsdeskundige voor het gezinshuis",
    ]
    assert {r.cells[4].text for r in table.rows[1:]} == {"Nog niet bevestigd"}
    attendance = document.tables[1]
    assert [c.text for c in attendance.rows[3].cells] == [
        "Inge Referent",
        "Jeugdbescherming Oost",
        "Verwijzer",
        "afwezig: ziek",
    ]
    assert SAMENVATTING in text
    assert "zwaarwegend en niet-vrijblijvend advies" in text
    assert "na 14 dagen voor het eerst" in text
    for private in (
        VALID["jeugdige"]["geboortejaar"],
        VALID["aanmelder"]["aanmelder_contact"],
        VALID["toestemming"]["contact_gezin"],
    ):
        assert private not in text, private


async def test_every_mandate_answer_makes_a_new_version_and_old_ones_stay(bot, connector, http):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    thijs = in_channel(channel, "Thijs Wennink", THIJS_AAD)
    fatima = in_channel(channel, "Fatima el Amrani", FATIMA_AAD)

    await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})
    await fatima.execute(
        VERB_DECLINE, {"case": number, "organisation": LVB, REASON_INPUT: "Geen plek"}
    )
    await fatima.execute(VERB_CONFIRM, {"case": number, "organisation": LVB})
    await bot.app[RETBOT].dispatcher.drain()  # each version is built after the card came back

    store = store_of(bot)
    versions = await store.versions(DocumentKind.ADVIES, number)
    assert [(v.version, v.created_by) for v in versions] == [
        (1, "Marieke Hofstede"),
        (2, "Thijs Wennink"),
        (3, "Fatima el Amrani"),
        (4, "Fatima el Amrani"),
    ]
    status = [
        [r.cells[4].text for r in afspraken_table(read((await store.get(v.id)).content)).rows[1:]]
        for v in versions
    ]
    assert status[0] == ["Nog niet bevestigd", "Nog niet bevestigd"]
    assert status[1][0].startswith("Thijs Wennink, ") and status[1][1] == "Nog niet bevestigd"
    assert status[2][1].startswith("Niet bevestigd (Fatima el Amrani, ")
    assert status[3][1].startswith("Fatima el Amrani, ")
    assert len({v.sha256 for v in versions}) == 4


async def test_the_download_link_gives_the_newest_version_and_refuses_bad_ones(
    bot, connector, http
):
    *_, number, _, _ = await issued(bot, connector, http)
    links = bot.app[RETBOT].document_page.links
    url = links.url("advies", number, datetime.now(UTC))  # as the messages carry it
    expired = links.token(f"advies/{number}", datetime.now(UTC) - timedelta(seconds=1))
    unknown = links.token("advies/RET-2026-0999", datetime.now(UTC) + timedelta(days=1))
    base = url.rsplit("/", 1)[0].replace("http://localhost:3978", bot.url)
    url = url.replace("http://localhost:3978", bot.url)

    async with http.get(url) as response:
        body = await response.read()
        assert response.status == 200
        assert (
            response.headers["Content-Disposition"]
            == f'attachment; filename="advies-{number}.docx"'
        )
        assert response.headers["Cache-Control"] == "no-store"
    assert number in everything(read(body))
    for bad, status in (
        (url[:-3] + ("abc" if not url.endswith("abc") else "xyz"), 404),
        (f"{base}/{expired}", 410),
        (f"{base}/{unknown}", 404),
        (f"{base}/niet-eens-een-token", 404),
    ):
        async with http.get(bad) as response:
            assert response.status == status, bad
            assert "link" in await response.text()
    reads = [r for r in await rows(bot, AuditRow) if r.action == "advies v1 opgehaald"]
    assert [(r.actor, r.case_number, r.channel) for r in reads] == [("downloadlink", number, "web")]


async def mailed_advies(database_url, ret: RetConfig, connector, http, smtp_server):
    """An advice with an afspraak for Jeugd & Opvoeding Oost, whose kernteamlid is not in
    Teams: the number, the mail he got, and the running bot."""
    bot = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    extra = {"organisatie_3": JO, "actie_3": "Zoekt een gezinshuis", "deadline_3": SOON}
    number = await issued_with(bot, connector, http, extra)
    await bot.app[RETBOT].dispatcher.drain()
    joost = next(m for m in ret.members_with_role(Role.KERNTEAMLID) if m.organisation == JO)
    [mail] = [m for m in smtp_server.to(joost.email) if m["Subject"].startswith("Zwaarwegend")]
    return bot, number, mail


async def test_kernteamleden_outside_teams_get_a_link_not_the_advies(
    database_url, ret, connector, http, smtp_server
):
    bot, number, mail = await mailed_advies(database_url, ret, connector, http, smtp_server)
    try:
        body = body_of(mail)
        [url] = MAILED_URL.findall(body)
        async with http.get(url.replace("http://localhost:3978", bot.url)) as response:
            assert response.status == 200
            downloaded = await response.read()
        reads = [r for r in await rows(bot, AuditRow) if r.action == "advies v1 opgehaald"]
    finally:
        await bot.stop()

    assert mail["Subject"] == f"Zwaarwegend advies {number} (J.D.)"
    assert list(mail.iter_attachments()) == []
    assert f"casus {number} (J.D.), met de afspraken voor {JO}" in body
    assert "De link werkt 30 dagen" in body and "Elke download wordt vastgelegd." in body
    assert SAMENVATTING not in body and "Inge Referent" not in body
    assert number in everything(read(downloaded))
    assert [(r.actor, r.case_number, r.channel) for r in reads] == [("downloadlink", number, "web")]
    others = {
        m.email
        for m in ret.members_with_role(Role.KERNTEAMLID)
        if m.organisation not in (GGZ, LVB, JO)
    }
    assert not [m for m in smtp_server.received if m["To"] in others and "advies" in m["Subject"]]


async def test_the_ret_file_can_allow_the_advies_as_an_attachment(
    database_url, ret, connector, http, smtp_server
):
    attaching = ret.model_copy(update={"documents": DocumentSettings(attach_to_email=True)})
    bot, number, mail = await mailed_advies(database_url, attaching, connector, http, smtp_server)
    await bot.stop()

    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"advies-{number}.docx"
    assert number in everything(read(attachment.get_content()))
    body = body_of(mail)
    assert "als bijlage bij deze e-mail" in body and "/documents/" not in body
    assert SAMENVATTING not in body


async def issued_with(bot, connector, http, extra: dict):
    """Like test_advice_flow.issued, with more afspraken on the form; returns the number."""
    chair, _, _, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    await chair.submit({**submit_data, **form_values(**extra)})
    return number


async def test_a_replaced_template_is_used(database_url, ret: RetConfig, connector, http, tmp_path):
    template = Document(str(DEFAULT_TEMPLATE))
    template.sections[0].header.paragraphs[0].text = "Huisstijl RET Twente"
    template.styles["Normal"].font.size = Pt(12)
    template.save(tmp_path / "twente.docx")
    own = ret.model_copy(
        update={"documents": DocumentSettings(template=str(tmp_path / "twente.docx"))}
    )
    bot = await RunningBot(Settings(database_url=database_url), own).start()
    try:
        *_, number, _, _ = await issued(bot, connector, http)
        document = read((await store_of(bot).latest(DocumentKind.ADVIES, number)).content)
    finally:
        await bot.stop()

    assert document.sections[0].header.paragraphs[0].text == "Huisstijl RET Twente"
    assert document.styles["Normal"].font.size == Pt(12)
    assert number in everything(document)


async def test_retbot_document_writes_the_latest_version(
    bot, connector, http, database_url, tmp_path
):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    await in_channel(channel, "Thijs Wennink", THIJS_AAD).execute(
        VERB_CONFIRM, {"case": number, "organisation": GGZ}
    )
    await bot.stop()
    out = tmp_path / "advies.docx"
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "bot.cli", "document", "advies", number, "--out", str(out)]

    done = run_cli(command, env)
    missing = run_cli([*command[:-3], "RET-2026-0999", "--out", str(tmp_path / "x.docx")], env)
    await bot.start()

    assert done.returncode == 0, done.stderr
    assert "versie 2" in done.stdout
    table = afspraken_table(read(out.read_bytes()))
    assert table.rows[1].cells[4].text.startswith("Thijs Wennink, ")
    assert missing.returncode == 1 and "RET-2026-0999" in missing.stderr
    reads = [r for r in await rows(bot, AuditRow) if r.action == "advies v2 opgehaald"]
    assert [(r.case_number, r.channel) for r in reads] == [(number, "cli")]


def run_cli(command: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def test_a_broken_template_stops_serve_with_one_line(tmp_path):
    (tmp_path / "kapot.docx").write_text("geen Word")
    ret_file = tmp_path / "ret.yaml"
    example = (REPO / "examples" / "ret.example.yaml").read_text(encoding="utf-8")
    ret_file.write_text(example + "\ndocuments:\n  template: kapot.docx\n", encoding="utf-8")
    env = {
        "PATH": "",
        "PYTHONPATH": str(REPO),
        "RETBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/r.db",
    }

    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--config", str(ret_file)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )

    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"retbot: invalid document template: {tmp_path / 'kapot.docx'}: not a Word .docx file "
        "(BadZipFile)"
    )


def english_sheet(ret: RetConfig):
    at = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
    case = Case(
        "RET-2026-0007",
        CaseStatus.ADVIES,
        Referrer("msteams", "u", "Inge Referent"),
        {"initialen": "A.B.", "geboortejaar": "2018"},
        at,
    )
    advice = Advice(
        case.number,
        "A boy of eight without school.",
        "Start home tuition.",
        (Afspraak(GGZ, "Starts therapy", date(2026, 4, 1)),),
        "Marieke Hofstede",
        at,
        (Attendee("Marieke Hofstede", "RET Jeugd Twente", "voorzitter"),),
        "en",
    )
    return advice_sheet(ret, case, advice, {}, None, at)


def test_advice_recorded_in_english_gives_an_english_document(ret):
    document = read(build_advies(english_sheet(ret), load_house_style()))
    facts = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}

    assert document.paragraphs[0].text == "Weighty advice"
    assert headings(document)[1:4] == ["Case summary", "Advice", "Agreements made"]
    assert facts["Young person"] == "A.B., age group 0-8"
    assert facts["Consultation / meeting"] == "Tuesday 3 March 2026"
    assert proofing_language(document) == "en-GB"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler (pdftotext) is not installed")
def test_the_advies_converts_to_pdf_with_libreoffice(ret, tmp_path):
    sheet = english_sheet(ret)
    nl = advice_sheet(
        ret,
        Case("RET-2026-0007", CaseStatus.ADVIES, Referrer("m", "u", "Inge"), {"initialen": "A.B."}),
        Advice(**{**sheet.advice.__dict__, "language": "nl"}),
        {},
        None,
        sheet.made_at,
    )
    source = tmp_path / "advies.docx"
    source.write_bytes(build_advies(nl, load_house_style()))
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    subprocess.run(
        [
            "soffice",
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "advies.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    for expected in (
        "Zwaarwegend advies",
        "RET-2026-0007",
        "Samenvatting casus",
        "Gemaakte afspraken",
        "dinsdag 3 maart 2026",
        "zwaarwegend en niet-vrijblijvend",
    ):
        assert expected in text, expected


async def test_the_form_starts_with_voorzitter_and_referrer_and_asks_why_someone_was_absent(
    bot, connector, http
):
    chair, _, _, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    form = await step_card(chair, number, "3")  # who took part
    prefilled = {
        e["id"]: e.get("value")
        for e in elements(form)
        if e.get("id", "").startswith("deelnemer") and e.get("value")
    }
    no_reason = form_values(afwezig_reden_3="")

    again = (await chair.submit({**submit_data, **no_reason})).cards()[0]
    nobody = {  # every attendance field emptied (the step keeps what a card sends)
        k: "" if k.startswith(("deelnemer", "aanwezig", "afwezig")) else v
        for k, v in form_values().items()
    }
    empty = (await chair.submit({**submit_data, **nobody})).cards()[0]

    assert prefilled == {
        "deelnemer_1": "Marieke Hofstede",
        "deelnemer_organisatie_1": "RET Jeugd Twente",
        "deelnemer_rol_1": "voorzitter",
        "deelnemer_2": "Inge Referent",
        "deelnemer_organisatie_2": VALID["aanmelder"]["aanmelder_organisatie"],
        "deelnemer_rol_2": "verwijzer",
    }
    assert "Bij iemand die afwezig was ontbreekt de reden." in str(again)
    assert next(e for e in elements(again) if e.get("id") == "deelnemer_3")["value"] == (
        "Inge Referent"
    )
    assert "Vul bij 'Wie waren erbij?' minstens één aanwezige in." in str(empty)
    assert await store_of(bot).latest(DocumentKind.ADVIES, number) is None


def proofing_language(document) -> str:
    """The language every style without its own is spell-checked in."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    [language] = [e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))]
    styled = document.styles.element.iter(qn("w:lang"))
    assert {e.get(qn("w:val")) for e in styled} == {language}  # no style overrides it
    return language


def binding_of(document) -> str:
    return next(p.text for p in document.paragraphs if p.text.startswith("Dit is een zwaarwegend"))


def facts_of(document) -> dict[str, str]:
    return {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}


async def test_the_binding_sentence_and_the_version_say_what_is_true_of_each_version(
    bot, connector, http
):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    thijs = in_channel(channel, "Thijs Wennink", THIJS_AAD)
    fatima = in_channel(channel, "Fatima el Amrani", FATIMA_AAD)
    await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})
    await fatima.execute(
        VERB_DECLINE, {"case": number, "organisation": LVB, REASON_INPUT: "Geen plek"}
    )
    await fatima.execute(VERB_CONFIRM, {"case": number, "organisation": LVB})
    await bot.app[RETBOT].dispatcher.drain()

    store = store_of(bot)
    documents = [
        read((await store.get(v.id)).content)
        for v in await store.versions(DocumentKind.ADVIES, number)
    ]
    bindings = [binding_of(d) for d in documents]

    assert [facts_of(d)["Versie"] for d in documents] == [
        "1",
        "2 (vervangt versie 1)",
        "3 (vervangt versie 2)",
        "4 (vervangt versie 3)",
    ]
    assert f"nog open: {GGZ} en {LVB}." in bindings[0]
    assert f"nog open: {LVB}." in bindings[1]
    assert f"{LVB} kan het eigen deel niet uitvoeren (niet bevestigd)" in bindings[2]
    assert "escalatieladder" in bindings[2]
    assert "Alle organisaties met een afspraak hebben met het mandaat" in bindings[3]
    assert not any("Alle organisaties" in b for b in bindings[:3])


async def test_the_advies_names_the_paying_gemeente_and_lays_out_its_pages(bot, connector, http):
    *_, number, _, _ = await issued(bot, connector, http)

    document = read((await store_of(bot).latest(DocumentKind.ADVIES, number)).content)
    facts = facts_of(document)
    footer = document.sections[0].footer
    fields = [i.text.strip() for i in footer._element.iter(qn("w:instrText"))]
    table = afspraken_table(document)

    assert facts["Verantwoordelijke gemeente"] == (
        "Hengelo (woongemeente van de jeugdige bij aanmelding; woonplaatsbeginsel)"
    )
    assert fields == ["PAGE", "NUMPAGES"]
    assert proofing_language(document) == "nl-NL"  # Word does not mark all Dutch as wrong
    assert footer.paragraphs[-1].text.startswith("Pagina ")
    assert [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in table.rows] == [
        True,
        False,
        False,
    ]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    deadline = [r.cells[3] for r in table.rows]
    assert deadline[0].text == "Uiterlijk"
    assert all(c._tc.tcPr.find(qn("w:noWrap")) is not None for c in deadline)
    assert all(abs(c.width - Cm(3.6)) < Cm(0.01) for c in deadline)
    assert deadline[1].text.count(" ") == 0 and deadline[1].text.count("\u00a0") == 2


async def test_the_verzendlijst_is_who_receives_the_advies(
    database_url, ret, connector, http, smtp_server
):
    bot = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    try:
        chair, referrer, _, number = await case_at_the_table(bot, connector, http)
        _, submit_data = await open_form(chair)
        chair_seen = len(connector.received[chair.id])
        referrer_seen = len(connector.received[referrer.id])
        extra = {
            **{"organisatie_3": JO, "actie_3": "Zoekt een gezinshuis", "deadline_3": SOON},
            **{"deelnemer_4": "Eva Smit", "deelnemer_organisatie_4": GGZ},
            **{"deelnemer_rol_4": "deskundige", "aanwezig_4": "ja"},
            **{"deelnemer_5": "Els Jansen", "deelnemer_organisatie_5": ""},
            **{"deelnemer_rol_5": "ouder", "aanwezig_5": "ja"},
        }
        await chair.submit({**submit_data, **form_values(**extra)})
        await bot.app[RETBOT].dispatcher.drain()
        document = read((await store_of(bot).latest(DocumentKind.ADVIES, number)).content)
        to_chair = connector.received[chair.id][chair_seen:]
        to_referrer = connector.received[referrer.id][referrer_seen:]
    finally:
        await bot.stop()

    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Verzendlijst") + 1
    listed = [p.removeprefix("– ").split(", ")[0] for p in paragraphs[start:] if p[:2] == "– "]
    roster = {m.name: m.email for m in ret.members}
    mailed = {
        str(m["To"])
        for m in smtp_server.received
        if m["Subject"] == f"Zwaarwegend advies {number} (J.D.)"
    }

    assert listed == [
        "Inge Referent",
        "Jeugdige en ouders (via verwijzer)",
        "Marieke Hofstede",
        "Thijs Wennink",
        "Fatima el Amrani",
        "Joost Bruggink",
        "Eva Smit",
    ]
    assert mailed == {roster[name] for name in listed[3:]}
    assert any("advies" in (a.get("text") or "") + str(a.get("attachments")) for a in to_chair)
    assert any(
        f"advies-{number}.docx" in str(a.get("attachments")) or "/documents/" in str(a)
        for a in to_referrer
    )
    assert "Els Jansen" not in listed  # the family hears it from the referrer
    assert paragraphs[start + len(listed)] == (
        "retbot stuurt elke nieuwe versie naar iedereen op deze lijst."
    )


def long_advies(ret: RetConfig) -> bytes:
    """Version 3 of an advies with 14 afspraken (three pages): one organisation confirmed,
    one declined, one not answered yet."""
    at = datetime(2026, 9, 3, 12, 0, tzinfo=UTC)
    organisations = (GGZ, LVB, JO)
    action = "zoekt met school en ouders een passende plek en meldt de voortgang"
    afspraken = tuple(
        Afspraak(organisations[i % 3], f"Afspraak {i + 1}: {action}", date(2026, 9, 30))
        for i in range(14)
    )
    answers = {"initialen": "J.D.", "gemeente": "Hengelo", "geboortejaar": "2011"}
    case = Case("RET-2026-0007", CaseStatus.ADVIES, Referrer("m", "u", "Inge Referent"), answers)
    chair = Attendee("Marieke Hofstede", "RET Jeugd Twente", "voorzitter")
    advice = Advice(case.number, SAMENVATTING, "Gezinshuis.", afspraken, chair.name, at, (chair,))
    mandates = {
        GGZ: Mandate(GGZ, MandateAnswer.CONFIRMED, "Thijs Wennink", at),
        LVB: Mandate(LVB, MandateAnswer.DECLINED, "Fatima el Amrani", at),
    }
    return build_advies(advice_sheet(ret, case, advice, mandates, None, at), load_house_style(), 3)


def calibri_metrics() -> bool:
    """Whether LibreOffice can lay text out as Word does with the house style's Calibri:
    Calibri itself or the metric-compatible Carlito (elsewhere lines break differently)."""
    if not shutil.which("fc-list"):
        return False
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return any(name in families for name in ("Calibri", "Carlito"))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler (pdftotext) is not installed")
@pytest.mark.skipif(
    not calibri_metrics(), reason="Calibri or Carlito (fonts-crosextra-carlito) is not installed"
)
def test_a_long_advies_repeats_its_header_numbers_its_pages_and_keeps_dates_whole(ret, tmp_path):
    pages = pdf_pages(long_advies(ret), tmp_path)

    assert len(pages) == 3
    header = re.compile(r"Organisatie\s+Wie\s+Wat\s+Uiterlijk\s+Mandaat")
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van 3" in page, number
    assert [len(header.findall(page)) for page in pages] == [1, 1, 0]  # the table's 2 pages
    assert sum(page.count("30 september 2026") for page in pages) == 14  # none wrapped
    assert "Versie" in pages[0] and "3 (vervangt versie 2)" in pages[0]
    assert f"{LVB} kan het eigen deel niet" in re.sub(r"\s+", " ", "".join(pages))


def pdf_pages(content: bytes, tmp_path) -> list[str]:
    """The document converted by LibreOffice, as the text of each page (non-breaking
    spaces read as spaces)."""
    source = tmp_path / "advies.docx"
    source.write_bytes(content)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    convert = ["--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    subprocess.run(
        ["soffice", profile, *convert],
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "advies.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [page.replace("\u00a0", " ") for page in text.split("\f") if page.strip()]
