"""Goed voorbeeld through the real app: the voorzitter marks a case from the evaluation
overview, retbot drafts an anonymised casusbeschrijving (Word) for the voorzitter alone, and
only the version the voorzitter approved can be had (the link, `retbot document
goed-voorbeeld`). The draft is read back with python-docx: nothing of the case that points
to a person is in it, though the free text it draws from names them."""

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from docx import Document

from bot.app import RETBOT
from dialogs.cards.evaluation import LEARNED_INPUT, THEME_INPUT, WORKED_INPUT
from domain.documents import DocumentKind
from storage.models import AuditRow, CaseEventRow, GoodPracticeRow
from tests.test_advice_flow import (
    ADVIES,
    ret,  # noqa: F401  (the example RET with Teams ids for two kernteamleden)
    rows,
)
from tests.test_advies_document import REPO, run_cli, store_of
from tests.test_evaluation_flow import answer, closed
from tests.test_file_consent import answer as consent_answer
from tests.test_file_consent import onedrive  # noqa: F401  (a fixture)
from tests.test_intake_flow import VALID

STUCK = (
    "J.D. uit Hengelo (2011) kwam nergens terecht; Inge Referent van Jeugdbescherming Oost "
    "belde elke aanbieder."
)
HELPED = "Thijs Wennink regelde met Fatima el Amrani een plek, JD kon er binnen een week heen."
WORKED = "De voogd van J. D. en Gemeente Hengelo zaten samen aan tafel met de GGZ."
# What may not be in the casusbeschrijving: the case's initials (any way written), its
# gemeente, year of birth, referrer and their organisation, contacts, and everyone's names.
IDENTIFYING = (
    "J.D.",
    "JD",
    "J. D.",
    "Hengelo",
    "2011",
    "Inge",
    "Referent",
    "Jeugdbescherming Oost",
    "Thijs",
    "Wennink",
    "Fatima",
    "Amrani",
    "Marieke Hofstede",
    VALID["aanmelder"]["aanmelder_contact"],
    VALID["toestemming"]["contact_gezin"],
    VALID["onderwijs"]["school_wie"],
)


def everything(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    around = [
        p.text for s in document.sections for part in (s.header, s.footer) for p in part.paragraphs
    ]
    return "\n".join([p.text for p in document.paragraphs] + cells + around)


async def marked(bot, connector, http):
    """A closed case, evaluated and with a leerpunt whose free text names people; the
    voorzitter presses 'Goed voorbeeld'. Returns the case and the draft card's reply."""
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number, knelpunt=STUCK, oplossing=HELPED))
    overview = (await case.chair.say(f"evaluatie {done.number}")).cards()[-1]
    data = overview["actions"][0]["card"]["actions"][0]["data"]
    await case.chair.submit(
        {
            **data,
            THEME_INPUT: "samenwerking",
            LEARNED_INPUT: "Samen aan tafel.",
            WORKED_INPUT: WORKED,
        }
    )
    overview = (await case.chair.say(f"evaluatie {done.number}")).cards()[-1]
    mark = overview["actions"][1]
    assert mark["title"] == "Goed voorbeeld"
    return done, await case.chair.submit(mark["data"])


def shared_link(bot, number: str) -> str:
    links = bot.app[RETBOT].document_page.links
    return bot.url + re.sub(
        r"^https?://[^/]+", "", links.url("goed-voorbeeld", number, datetime.now(UTC))
    )


async def download(http, url: str) -> tuple[int, bytes]:
    async with http.get(url) as response:
        return response.status, await response.read()


async def test_the_draft_is_anonymised_and_goes_to_the_voorzitter_alone(bot, connector, http):
    done, reply = await marked(bot, connector, http)
    number = done.number

    [card] = reply.cards()
    assert card["body"][0]["text"] == f"Goed voorbeeld {number}: concept (versie 1)"
    opened, approve = card["actions"]
    assert (opened["type"], approve["title"]) == ("Action.OpenUrl", "Goedkeuren")
    status, draft = await download(http, bot.url + re.sub(r"^https?://[^/]+", "", opened["url"]))
    assert status == 200

    shown = everything(draft)
    for part in (
        "Goed voorbeeld",
        "leeftijdsgroep 13-16 jaar",
        "Wat zat er vast",
        VALID["vraag"]["vastgelopen"],
        "Wat de tafel deed",
        ADVIES,
        "zorgaanbieder: Start traumabehandeling in het gezinshuis",
        "Wat werkte",
        "[…] uit […] ([…]) kwam nergens terecht; […] van […] belde elke aanbieder.",
        "De voogd van […] en […] zaten samen aan tafel met de GGZ.",
    ):
        assert part in shown, part
    for private in (*IDENTIFYING, number):
        assert private not in shown, private
    languages = Document(io.BytesIO(draft)).styles.element.xpath("//w:rPrDefault//w:lang/@w:val")
    assert languages == ["nl-NL"]

    assert (await download(http, shared_link(bot, number)))[0] == 404  # not reviewed: stays in
    assert [r.reviewed_version for r in await rows(bot, GoodPracticeRow)] == [None]
    events = [e.kind for e in await rows(bot, CaseEventRow) if e.case_number == number]
    assert "goed voorbeeld" in events
    for who in (done.case.referrer, done.case.thijs, done.case.fatima, done.case.channel):
        assert "Goed voorbeeld" not in str(connector.received.get(who.id, []))


async def test_only_the_approved_version_leaves(bot, connector, http, database_url, tmp_path):
    done, reply = await marked(bot, connector, http)
    number, chair = done.number, done.case.chair
    [card] = reply.cards()
    approve = card["actions"][1]["data"]
    _, draft = await download(
        http, bot.url + re.sub(r"^https?://[^/]+", "", card["actions"][0]["url"])
    )

    by_thijs = await done.case.thijs.submit(approve)
    approved = await chair.submit(approve, reply_to=reply.replies[0].get("id"))
    twice = await chair.submit(approve)

    assert by_thijs.texts() == [
        "Alleen de voorzitter van het RET bekijkt evaluaties en legt leerpunten vast."
    ]
    [said] = approved.texts()
    assert said.startswith(f"De casusbeschrijving van {number} (versie 1) is goedgekeurd")
    assert "[casusbeschrijving downloaden](http" in said  # a link, not a wall of characters
    assert f"Goed voorbeeld {number} (versie 1)" in str(connector.updated[chair.id])
    assert twice.texts()[0].startswith(f"Versie 1 van {number} was al goedgekeurd op ")
    [replaced] = connector.updated[chair.id]  # no button left to press twice
    assert "Action." not in str(replaced["attachments"])
    status, shared = await download(http, shared_link(bot, number))
    assert (status, shared) == (200, draft)

    again = (await chair.submit({"verb": "goed_voorbeeld", "goed_voorbeeld": number})).cards()[0]
    stale = await chair.submit(approve)

    assert again["body"][0]["text"] == f"Goed voorbeeld {number}: concept (versie 2)"
    assert stale.texts() == [
        f"Er is een nieuwer concept van {number} (versie 2); lees en keur dat goed. Er is niets "
        "goedgekeurd."
    ]
    assert (await download(http, shared_link(bot, number)))[1] == draft  # still version 1
    audits = [a.action for a in await rows(bot, AuditRow) if a.case_number == number]
    assert "goed voorbeeld goedgekeurd" in audits
    assert "goed-voorbeeld v1 opgehaald" in audits

    await bot.stop()
    out = tmp_path / "goed-voorbeeld.docx"
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "bot.cli", "document", "goed-voorbeeld", number]
    written = run_cli([*command, "--out", str(out)], env)
    await bot.start()
    assert written.returncode == 0, written.stderr
    assert out.read_bytes() == draft


def test_the_casusbeschrijving_renders_on_two_pages_at_most(tmp_path):
    """Rendered by LibreOffice from a long description: headings, lists and the footer."""
    from documents.goed_voorbeeld import build_good_practice
    from documents.house_style import load_house_style
    from domain.good_practice import Afspraak, Casusbeschrijving
    from domain.ret import OrganisationKind

    description = Casusbeschrijving(
        "RET Jeugd Twente",
        "13-16",
        (STUCK, "Geen gezinshuisplek met traumabehandeling in de regio."),
        ADVIES,
        (Afspraak(OrganisationKind.AANBIEDER, "Start traumabehandeling"), Afspraak(None, "Plek")),
        (HELPED,),
        datetime(2026, 12, 5).date(),
    )
    out = tmp_path / "goed-voorbeeld.docx"
    out.write_bytes(build_good_practice(description, load_house_style()))
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: the render check needs it")
    rendered = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert rendered.returncode == 0, rendered.stderr
    pdf = (tmp_path / "goed-voorbeeld.pdf").read_bytes()
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 2


async def test_the_referrer_cannot_take_the_draft_through_teams(
    bot,
    connector,
    http,
    onedrive,  # noqa: F811
):
    """A case's referrer may take its advies by file consent, not its goed voorbeeld."""
    done, _ = await marked(bot, connector, http)
    draft = await store_of(bot).latest(DocumentKind.GOED_VOORBEELD, done.number)
    referrer = done.case.referrer
    consent = {"name": draft.filename, "content": {"acceptContext": {"document_version": draft.id}}}

    upload = f"{onedrive.url}/upload/x"
    taken = await referrer.send(consent_answer(referrer, "accept", consent, upload))

    assert taken.texts() == [
        "Dit document kan ik je niet (meer) geven. Vraag de voorzitter ernaar."
    ]
    assert onedrive.uploads == []
