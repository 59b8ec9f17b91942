"""The notulen document itself: attendance from the advice forms (members named, others
counted), a RET's own template used (also one without a list style), and English."""

import io
from dataclasses import replace
from datetime import UTC, date, datetime, time

import docx

from documents.house_style import load_house_style
from documents.notulen import notulen_docx
from domain.advice import Advice
from domain.advice import Attendee as Listed
from domain.meeting_prep import Answer
from domain.meeting_prep import Attendance as Answered
from domain.notulen import Attendance, Attendee, CaseMinutes, Minutes, Transcript, attendance

DAY = date(2026, 3, 3)
STYLE = load_house_style()


def advice_with(*listed: Listed) -> Advice:
    return Advice("RET-2026-0001", "s", "a", (), "Marieke Hofstede", datetime.now(UTC), listed)


def test_attendance_comes_from_the_advice_forms_without_naming_the_family(ret):
    forms = [
        advice_with(
            Listed("Marieke Hofstede", "RET Jeugd Twente", "voorzitter"),
            Listed("Anja de Vries", "", "ouder"),
            Listed("Fatima el Amrani", "LVB-zorg Het Anker", "kernteamlid", False, "ziek"),
        ),
        advice_with(
            Listed("thijs  wennink", "Jeugd-GGZ De Bron", "kernteamlid"),
            Listed("Anja de Vries", "", "ouder"),
            Listed("Inge Referent", "Jeugdbescherming Oost", "verwijzer"),
        ),
    ]

    found = attendance(ret, None, forms)

    # Sanne, the procesondersteuner, takes the notulen: present unless recorded otherwise.
    present = ["Marieke Hofstede", "Sanne Oude Luttikhuis", "Thijs Wennink"]
    assert [p.name for p in found.present] == present
    assert found.others == 2 and found.recorded  # the mother once, the referrer
    absent = {a.name: a.absence_reason for a in found.absent}
    assert absent["Fatima el Amrani"] == "ziek"
    assert "Joost Bruggink" in absent and absent["Joost Bruggink"] is None
    assert "Anja de Vries" not in str(found)


def answer(email: str, name: str, given: Answer, stand_in: str | None = None) -> Answered:
    return Answered("RET-2026-0001", email, name, given, stand_in, datetime.now(UTC))


def email_of(ret, name: str) -> str:
    return next(m.email for m in ret.members if m.name == name)


def test_attendance_joins_invitations_answers_forms_and_transcript(ret):
    answers = [
        answer(email_of(ret, "Fatima el Amrani"), "Fatima el Amrani", Answer.KOMT),
        answer(email_of(ret, "Joost Bruggink"), "Joost Bruggink", Answer.KAN_NIET, "Petra Smit"),
        answer(email_of(ret, "Linda Nijhuis"), "Linda Nijhuis", Answer.KAN_NIET),
        answer(email_of(ret, "Thijs Wennink"), "Thijs Wennink", Answer.KAN_NIET),
        answer(email_of(ret, "Kevin Scholten"), "Kevin Scholten", Answer.KOMT),
        answer(email_of(ret, "Anouk Haverkamp"), "Anouk Haverkamp", Answer.KOMT),
        answer("verwijzer", "Inge Referent", Answer.KOMT),
    ]
    schil = [email_of(ret, "Anouk Haverkamp"), email_of(ret, "Pieter Lansink")]
    form = advice_with(
        Listed("Marieke Hofstede", "RET Jeugd Twente", "voorzitter"),
        Listed("Thijs Wennink", "Jeugd-GGZ De Bron", "kernteamlid"),  # came after all
        Listed("Kevin Scholten", "Ervaringswerk Oost", "kernteamlid", False, "ziek"),
        Listed("Inge Referent", "Jeugdbescherming Oost", "verwijzer"),
    )
    spoken = Transcript(("Marieke Hofstede", "Linda Nijhuis"), 1, ())

    found = attendance(ret, spoken, [form], answers, schil)

    assert [p.name for p in found.present] == [
        "Marieke Hofstede",
        "Sanne Oude Luttikhuis",  # takes the notulen
        "Thijs Wennink",  # the form overrules 'Ik kan niet'
        "Fatima el Amrani",  # 'Ik kom'
        "Linda Nijhuis",  # spoke: the transcript adds
        "Anouk Haverkamp",  # the schil invited for the case, 'Ik kom'
    ]
    absent = {a.name: a for a in found.absent}
    assert list(absent) == ["Joost Bruggink", "Kevin Scholten", "Pieter Lansink"]
    assert (absent["Joost Bruggink"].declined, absent["Joost Bruggink"].stand_in) == (
        True,
        "Petra Smit",
    )
    assert absent["Kevin Scholten"].absence_reason == "ziek"  # the form overrules 'Ik kom'
    assert found.others == 2 and found.recorded  # the referrer once, Joost's stand-in

    made = docx.Document(io.BytesIO(notulen_docx(replace(minutes(), attendance=found), STYLE)))
    texts = [p.text for p in made.paragraphs]
    joost = "Joost Bruggink, Jeugd & Opvoeding Oost (kernteamlid): afgemeld, vervangen door"
    assert f"{joost} Petra Smit" in texts
    assert "Kevin Scholten, Ervaringswerk Oost (kernteamlid): ziek" in texts
    assert "Anouk Haverkamp, Forensische Jeugdzorg Oost (flexibele schil)" in texts


def test_without_a_record_everybody_invited_stands_as_present(ret):
    found = attendance(ret, None, [advice_with()])

    assert not found.recorded and found.absent == () and found.others == 0
    assert {p.role for p in found.present} == {"voorzitter", "procesondersteuner", "kernteamlid"}


def minutes() -> Minutes:
    case = CaseMinutes(
        "RET-2026-0001", "J.D.", "13-16", "toekomst", datetime(2026, 3, 3, 12, 30, tzinfo=UTC),
        None, (), (), ("De school belt de ouders.",), ("Procesregie bij het RET.",), (), None,
    )  # fmt: skip
    present = (Attendee("Marieke Hofstede", "RET Jeugd Twente", "voorzitter"),)
    absent = (Attendee("Fatima el Amrani", "LVB-zorg Het Anker", "kernteamlid", "ziek"),)
    return Minutes(
        "RET Testdorp", DAY, time(13, 30), "Raadhuis", Attendance(present, absent, 1, True), (case,)
    )


def test_a_replaced_template_is_used_also_without_a_list_style(tmp_path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Huisstijl RET Testdorp"
    styles = template.styles
    styles.element.remove(styles["List Bullet"].element)
    path = tmp_path / "eigen.docx"
    template.save(path)

    made = docx.Document(io.BytesIO(notulen_docx(minutes(), load_house_style(path))))

    assert made.sections[0].header.paragraphs[0].text == "Huisstijl RET Testdorp"
    texts = [p.text for p in made.paragraphs]
    assert "• Marieke Hofstede, RET Jeugd Twente (voorzitter)" in texts
    assert any(t.startswith("Daarnaast 1 deelnemer buiten het RET") for t in texts)
    assert "• Fatima el Amrani, LVB-zorg Het Anker (kernteamlid): ziek" in texts
    assert "• De school belt de ouders." in texts
    headings = [p.text for p in made.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Aanwezig", "Afwezig", "Casus RET-2026-0001 (J.D.), 13:30 uur"]


def test_english_notulen():
    made = docx.Document(io.BytesIO(notulen_docx(minutes(), load_house_style(), "en")))

    texts = [p.text for p in made.paragraphs]
    assert texts[0] == "Minutes of the RET meeting: RET Testdorp"
    assert made.tables[0].rows[0].cells[1].text == "Tuesday 3 March 2026"
    assert "Young person J.D., age group 13-16. Kind of question: Future perspective." in texts
    assert "Planned once the advice is recorded." in texts
