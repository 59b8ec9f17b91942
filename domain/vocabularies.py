"""The categories a request records, as the RET-monitor and the annual reports use them.

Each term has a stable code (stored, counted in reports) and Dutch and English labels.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    nl: str
    en: str

    def label(self, language: str) -> str:
        return self.en if language == "en" else self.nl


Vocabulary = tuple[Term, ...]


def terms(*pairs: tuple[str, str, str]) -> Vocabulary:
    return tuple(Term(*pair) for pair in pairs)


def term(vocabulary: Vocabulary, code: str) -> Term:
    return next(t for t in vocabulary if t.code == code)


AANMELDER = terms(
    (
        "gi",
        "Gecertificeerde instelling / jeugdbescherming",
        "Certified institution / youth protection",
    ),
    ("lokale_toegang", "Lokale toegang / wijkteam", "Local access / neighbourhood team"),
    ("onderwijs", "Onderwijs", "Education"),
    ("zorgaanbieder", "Zorgaanbieder", "Care provider"),
    ("ouder_jeugdige", "Ouder of jeugdige zelf", "Parent or young person"),
    ("huisarts", "Huisarts", "General practitioner"),
    ("thuiszitterstafel", "Thuiszitterstafel", "Truancy table"),
    ("vws", "Doorverwijzing VWS", "Referral by the ministry"),
    ("anders", "Anders", "Other"),
)
GESLACHT = terms(
    ("meisje", "Meisje", "Girl"),
    ("jongen", "Jongen", "Boy"),
    ("anders", "Anders / non-binair", "Other / non-binary"),
    ("onbekend", "Weet ik niet", "Don't know"),
)
WOONSITUATIE = terms(
    ("thuis", "Thuis bij ouders", "At home with parents"),
    ("pleeggezin", "Pleeggezin", "Foster family"),
    ("gezinshuis", "Gezinshuis", "Family-style group home"),
    ("residentieel", "Residentieel", "Residential care"),
    ("jeugdzorgplus", "JeugdzorgPlus", "Secure youth care"),
    ("crisis", "Crisisplaatsing", "Crisis placement"),
    ("anders", "Anders", "Other"),
)
MAATREGEL = terms(
    ("geen", "Geen", "None"),
    ("ots", "Ondertoezichtstelling (OTS)", "Supervision order"),
    ("voogdij", "Voogdij", "Guardianship"),
    ("machtiging", "(Voorwaardelijke) machtiging gesloten jeugdhulp", "Secure care authorisation"),
    ("jeugdreclassering", "Jeugdreclassering", "Youth probation"),
    ("onbekend", "Weet ik niet", "Don't know"),
)
ONDERWIJS = terms(
    ("regulier", "Regulier onderwijs", "Mainstream education"),
    ("speciaal", "Speciaal onderwijs", "Special education"),
    ("geen", "Geen onderwijs (thuiszitter)", "No education (out of school)"),
    ("vrijstelling", "Vrijstelling / ontheffing", "Exemption"),
    ("onbekend", "Weet ik niet", "Don't know"),
)
PROBLEMATIEK_JEUGDIGE = terms(
    ("trauma", "Trauma", "Trauma"),
    ("ass", "Autismespectrumstoornis", "Autism spectrum disorder"),
    ("lvb", "Licht verstandelijke beperking", "Mild intellectual disability"),
    ("psychiatrie", "Psychiatrie (overig)", "Psychiatric (other)"),
    ("hechting", "Hechting", "Attachment"),
    ("gedrag", "Gedrag / agressie", "Behaviour / aggression"),
    ("eetstoornis", "Eetstoornis", "Eating disorder"),
    ("suicidaliteit", "Suïcidaliteit", "Suicidality"),
    ("sgg", "Seksueel grensoverschrijdend gedrag", "Sexually transgressive behaviour"),
    ("weglopen", "Weglopen", "Running away"),
    ("middelen", "Middelengebruik", "Substance use"),
    ("justitie", "Justitie", "Justice"),
    ("adhd", "ADHD", "ADHD"),
    ("identiteit", "Persoonlijkheid / identiteit", "Personality / identity"),
    ("gender", "Gender", "Gender"),
)
PROBLEMATIEK_OUDERS = terms(
    ("overbelasting", "Overbelasting", "Overload"),
    ("eigen", "Eigen problematiek", "Own problems"),
    ("ouder_kind", "Ouder-kindrelatie", "Parent-child relationship"),
    ("instabiel", "Instabiele opvoedingssituatie / scheiding", "Unstable situation / divorce"),
    ("huiselijk_geweld", "Huiselijk geweld", "Domestic violence"),
)
SOORT_VRAAG = terms(
    ("passende_plek", "Passende plek / doorstroom verblijf", "Suitable placement"),
    ("samenwerking", "Vastgelopen samenwerking", "Stuck collaboration"),
    ("visieverschil", "Visieverschil", "Difference in views"),
    ("toekomst", "Toekomstperspectief", "Future perspective"),
    ("expertise", "Expertise toevoegen", "Add expertise"),
    ("procesregie", "Procesregie", "Process coordination"),
    ("analyse", "Verklarende analyse", "Explanatory analysis"),
    ("18min_plus", "Overgang 18-/18+", "Transition to adulthood"),
)
URGENTIE = terms(
    ("normaal", "Geen spoed", "Not urgent"),
    (
        "spoed",
        "Spoed: zorg stopt binnenkort en er is niets geregeld",
        "Urgent: care stops soon with nothing next",
    ),
)
TOESTEMMING = terms(
    ("gegeven", "Toestemming is gegeven", "Consent given"),
    ("volgt", "Toestemming volgt", "Consent will follow"),
)
TOESTEMMING_DOOR = terms(
    ("ouders", "Ouders / gezaghebbende ouder", "Parents / parent with authority"),
    ("voogd", "Voogd", "Guardian"),
    ("samen", "Ouders en jeugdige samen (12-15 jaar)", "Parents and young person (12-15)"),
    ("jeugdige", "Jeugdige zelf (16+)", "Young person (16+)"),
)
JA_NEE = terms(("ja", "Ja", "Yes"), ("nee", "Nee", "No"))
AFSLUITREDEN = terms(
    ("afgeschaald", "Afgeschaald of overgedragen", "Scaled down or handed over"),
    ("opgelost", "Opgelost", "Solved"),
    ("doorverwezen", "Doorverwezen naar een andere route", "Referred to another route"),
    ("gestopt", "Gestopt", "Stopped"),
)

# A case's status as people read it (the codes are domain.cases.CaseStatus's values).
CASE_STATUS = terms(
    ("aangemeld", "Aangemeld", "Submitted"),
    ("meer informatie gevraagd", "Meer informatie gevraagd", "More information requested"),
    ("ret-tafel ingepland", "RET-tafel ingepland", "RET meeting planned"),
    ("consultatie", "Consultatie", "Consultation"),
    ("samenwerkingstafel", "Samenwerkingstafel", "Collaboration table"),
    ("doorverwezen", "Doorverwezen", "Referred"),
    ("advies gegeven", "Advies gegeven", "Advice given"),
    ("monitoren", "Monitoren", "Monitoring"),
    ("afgesloten", "Afgesloten", "Closed"),
)

# Who sat at the table when the advice was made (the advice form's attendance rows).
DEELNEMER_ROL = terms(
    ("voorzitter", "Voorzitter", "Chair"),
    ("kernteamlid", "Kernteamlid", "Core team member"),
    ("verwijzer", "Verwijzer", "Referrer"),
    ("ouder", "Ouder / verzorger", "Parent / carer"),
    ("jeugdige", "Jeugdige", "Young person"),
    ("onderwijs", "Onderwijs", "Education"),
    ("gemeente", "Gemeente", "Municipality"),
    ("zorgaanbieder", "Zorgaanbieder", "Care provider"),
    ("deskundige", "Deskundige (flexibele schil)", "Expert (flexible shell)"),
    ("anders", "Anders", "Other"),
)

# What was tried before the request (beside the referrer's own words): codes for the monitor.
GEPROBEERD = terms(
    ("ambulant", "Ambulante jeugdhulp", "Outpatient youth care"),
    ("ggz", "Specialistische jeugd-ggz", "Specialist mental health care"),
    ("dagbehandeling", "Dagbehandeling", "Day treatment"),
    ("pleegzorg", "Pleegzorg of gezinshuis", "Foster care or family home"),
    ("verblijf", "Residentieel verblijf", "Residential care"),
    ("gesloten", "JeugdzorgPlus / gesloten", "Secure care"),
    ("onderwijs", "Onderwijsondersteuning", "Support at school"),
    ("niets", "Nog niets", "Nothing yet"),
)
# Where the request is stuck (the knelpunt of the hulpvraag), beside the free text.
KNELPUNT = terms(
    ("geen_aanbod", "Passend aanbod ontbreekt", "No suitable care"),
    ("wachtlijst", "Wachtlijst", "Waiting list"),
    ("financiering", "Financiering of woonplaatsbeginsel", "Funding or responsible municipality"),
    ("samenwerking", "Samenwerking tussen partijen", "Collaboration between parties"),
    ("visie", "Verschil van visie", "Difference in views"),
    ("diagnose", "Onvoldoende zicht op wat nodig is", "Unclear what is needed"),
    ("overgang", "Overgang 18-/18+", "Transition to adulthood"),
    ("anders", "Anders", "Other"),
)
JA_NEE_ONBEKEND = terms(
    ("ja", "Ja", "Yes"), ("nee", "Nee", "No"), ("onbekend", "Weet ik niet", "Don't know")
)
# The mandate of the afspraken of an advice, per case (derived, never asked).
MANDAAT = terms(
    ("bevestigd", "Alle afspraken bevestigd", "All confirmed"),
    ("deels", "Nog niet alle afspraken bevestigd", "Some still open"),
    ("geweigerd", "Een afspraak niet bevestigd", "One or more declined"),
)
# How the last answered follow-up round went, per case (derived from the answers).
OPVOLGING_UITKOMST = terms(
    ("volgens_plan", "Loopt volgens plan", "On track"),
    ("vertraagd", "Vertraagd", "Delayed"),
    ("gestopt", "Gestopt of lukt niet", "Stopped"),
)
