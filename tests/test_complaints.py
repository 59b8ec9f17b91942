"""The complaint recogniser on realistic Dutch hulpvragen: half complaints, half stuck care
questions told with frustration (which the RET is for), with precision and recall."""

import pytest

from domain.complaints import read_complaint

COMPLAINTS = [
    "Ik wil een klacht indienen over hoe de aanbieder de zorg heeft gestopt.",
    "Wij zijn het niet eens met het besluit van de gemeente om de indicatie af te wijzen.",
    "Ouders willen bezwaar maken tegen de beschikking van de gemeente.",
    "De behandelaar is onbeschoft tegen mijn zoon geweest en heeft fouten gemaakt.",
    "Moeder is erg ontevreden over het wijkteam: er wordt niets gedaan met haar signalen.",
    "De jeugdbescherming heeft ons ten onrechte beschuldigd en wij willen excuses.",
    "Ik voel me niet serieus genomen door de gemeente, al drie keer heb ik gebeld.",
    "Hoe kan ik klagen over een medewerker van de instelling?",
    "De voogd is de afspraken niet nagekomen en vader is woedend.",
    "Wij willen dat de zorgaanbieder aansprakelijk wordt gesteld voor wat er gebeurd is.",
    "Het besluit om het pgb stop te zetten is onterecht, daar willen we iets tegen doen.",
    "Ik ben teleurgesteld in de begeleider, die heeft beloftes niet nagekomen.",
    "Vader is boos op de gemeente omdat de aanvraag al maanden blijft liggen.",
]

NOT_COMPLAINTS = [
    "Een passende plek na de pleeggezinbreakdown: niemand neemt haar op.",
    "De aanbieder stopt over vier weken met de behandeling en er is nog niets anders.",
    "Drie aanbieders zeggen dat de problematiek te zwaar is; we weten niet meer waar te zoeken.",
    "School en jeugdhulp zijn het oneens over wat hij nodig heeft en het loopt vast.",
    "Hij zit al een jaar thuis en de wachtlijst voor de dagbehandeling is zes maanden.",
    "Ouders zijn uitgeput en boos op de situatie; ze willen vooral dat er hulp komt.",
    "Wij zoeken expertise op eetstoornissen in combinatie met autisme.",
    "Geen klacht, maar een vraag: wie kan meedenken over de overgang naar 18+?",
    "De gemeente en de GI hebben een verschil van visie over de plaatsing.",
    "Na een crisisplaatsing is er geen vervolgplek; de crisisplek stopt vrijdag.",
    "We hebben veel geprobeerd, maar het gezin raakt steeds verder in de problemen.",
    "Ze wil graag dichter bij huis wonen, maar er is geen gezinshuis in de regio.",
    "Ouders zijn boos: de aanbieder stopt en niemand neemt hem op.",
]


@pytest.mark.parametrize("phrasing", COMPLAINTS)
def test_complaints_are_recognised(phrasing):
    assert read_complaint(phrasing) is not None


@pytest.mark.parametrize("phrasing", NOT_COMPLAINTS)
def test_stuck_care_questions_are_not_complaints(phrasing):
    assert read_complaint(phrasing) is None


def test_precision_and_recall_on_the_whole_set():
    flagged = {p for p in COMPLAINTS + NOT_COMPLAINTS if read_complaint(p)}
    true_positives = len(flagged & set(COMPLAINTS))
    precision = true_positives / len(flagged)
    recall = true_positives / len(COMPLAINTS)
    print(f"complaints: precision {precision:.2f}, recall {recall:.2f}")
    assert len(COMPLAINTS) + len(NOT_COMPLAINTS) >= 20
    assert precision >= 0.9 and recall >= 0.9


def test_the_reading_names_what_gave_it_away():
    reading = read_complaint("Wij zijn ontevreden over het wijkteam.")
    assert reading is not None and (reading.cue, reading.party) == ("ontevreden", "wijkteam")
