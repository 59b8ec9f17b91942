"""Notulen: the draft for the procesondersteuner, corrections, transcripts, approval."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "notulen.card.title": {
        "nl": "Conceptnotulen RET-overleg {day}",
        "en": "Draft minutes RET meeting {day}",
    },
    "notulen.card.intro": {
        "nl": (
            "Versie {version} staat klaar, met {cases}. Open het document, kijk het na en kies "
            "*Goedkeuren*; of pas het aan in Word en stuur het hier terug."
        ),
        "en": (
            "Version {version} is ready, with {cases}. Open the document, check it and choose "
            "*Approve*; or edit it in Word and send it back here."
        ),
    },
    "notulen.card.transcript_hint": {
        "nl": (
            "Heb je het transcript van de Teams-vergadering (.vtt)? Stuur het hier als bijlage: "
            "dan vul ik aanwezigen, afspraken en besluiten aan."
        ),
        "en": (
            "Do you have the Teams meeting transcript (.vtt)? Send it here as an attachment: "
            "I will then add attendees, agreements and decisions."
        ),
    },
    "notulen.download": {"nl": "Notulen openen (.docx)", "en": "Open minutes (.docx)"},
    "notulen.approve": {"nl": "Goedkeuren", "en": "Approve"},
    "notulen.correct": {"nl": "Corrigeren", "en": "Correct"},
    "notulen.correct.how": {
        "nl": (
            "Pas de notulen aan in Word en stuur het bestand (.docx) hier in deze chat als "
            "bijlage. Ik bewaar het als nieuwe versie; de vorige versies blijven bewaard."
        ),
        "en": (
            "Edit the minutes in Word and send the file (.docx) here in this chat as an "
            "attachment. I will keep it as a new version; earlier versions are kept."
        ),
    },
    "notulen.stored": {
        "nl": "Dank je. Ik heb je bestand bewaard als versie {version} van de notulen van {day}.",
        "en": "Thank you. I have kept your file as version {version} of the minutes of {day}.",
    },
    "notulen.transcript_used": {
        "nl": (
            "Transcript verwerkt: {present} RET-leden herkend als aanwezig en {points} "
            "afspraken, acties, besluiten of adviezen geplaatst ({unplaced} onder 'Overig'). "
            "Dit is versie {version}; eerdere versies blijven bewaard."
        ),
        "en": (
            "Transcript processed: {present} RET members recognised as present and {points} "
            "agreements, actions, decisions or advice placed ({unplaced} under 'Other'). "
            "This is version {version}; earlier versions are kept."
        ),
    },
    "notulen.approved": {
        "nl": (
            "De notulen van {day} (versie {version}) zijn goedgekeurd. Ik stuur ze naar de "
            "aanwezigen: {teams} via Teams, {email} per e-mail."
        ),
        "en": (
            "The minutes of {day} (version {version}) are approved. I am sending them to the "
            "attendees: {teams} through Teams, {email} by email."
        ),
    },
    "notulen.approved_waiting": {
        "nl": {
            "one": "{n} aanwezige kan ik nu niet bereiken: die krijgt ze zodra dat kan.",
            "other": "{n} aanwezigen kan ik nu niet bereiken: zij krijgen ze zodra dat kan.",
        },
        "en": {
            "one": "I cannot reach {n} attendee right now: they get them as soon as I can.",
            "other": "I cannot reach {n} attendees right now: they get them as soon as I can.",
        },
    },
    "notulen.already_approved": {
        "nl": (
            "De notulen van {day} zijn al goedgekeurd (versie {version}), op {when} door "
            "{by}. Er is niets veranderd."
        ),
        "en": (
            "The minutes of {day} were approved already (version {version}), on {when} by "
            "{by}. Nothing changed."
        ),
    },
    "notulen.recorded.title": {
        "nl": "Notulen RET-overleg {day} goedgekeurd",
        "en": "Minutes RET meeting {day} approved",
    },
    "notulen.recorded.version": {"nl": "Goedgekeurde versie", "en": "Approved version"},
    "notulen.newer": {
        "nl": (
            "Er is inmiddels een nieuwere versie ({version}) van de notulen van {day}. Kijk "
            "die na en keur die goed:"
        ),
        "en": (
            "There is a newer version ({version}) of the minutes of {day} now. Check and "
            "approve that one:"
        ),
    },
    "notulen.to_attendee": {
        "nl": "De notulen van het RET-overleg van {day} zijn vastgesteld (versie {version}).",
        "en": "The minutes of the RET meeting of {day} are approved (version {version}).",
    },
    "notulen.not_reviewer": {
        "nl": (
            "Alleen de procesondersteuner (of de voorzitter) kan notulen aanpassen of goedkeuren."
        ),
        "en": "Only the process assistant (or the chair) can edit or approve minutes.",
    },
    "notulen.none_open": {
        "nl": "Er liggen geen conceptnotulen klaar om aan te vullen of te corrigeren.",
        "en": "There are no draft minutes waiting to be completed or corrected.",
    },
    "notulen.unknown_meeting": {
        "nl": "Ik vind geen notulen van dat overleg.",
        "en": "I cannot find minutes of that meeting.",
    },
    "notulen.not_docx": {
        "nl": (
            "Dit bestand kan ik niet openen als Word-document (.docx). Sla het in Word op als "
            "'Word-document (*.docx)' en stuur het opnieuw. Er is niets veranderd aan de notulen."
        ),
        "en": (
            "I cannot open this file as a Word document (.docx). Save it in Word as "
            "'Word Document (*.docx)' and send it again. The minutes have not changed."
        ),
    },
    "notulen.fetch_failed": {
        "nl": (
            "Het bestand kon ik niet ophalen uit Teams. Probeer het nog eens; er is niets "
            "veranderd aan de notulen."
        ),
        "en": (
            "I could not fetch the file from Teams. Please try again; the minutes have not changed."
        ),
    },
    "notulen.too_large": {
        "nl": "Dit bestand is groter dan {megabytes} MB; dat neem ik niet aan.",
        "en": "This file is larger than {megabytes} MB; I do not accept it.",
    },
    "notulen.file_kind": {
        "nl": (
            "Ik kan hier alleen notulen (.docx) en een Teams-transcript (.vtt) verwerken. "
            "Er is niets veranderd."
        ),
        "en": (
            "I can only process minutes (.docx) and a Teams transcript (.vtt) here. Nothing "
            "has changed."
        ),
    },
    "notulen.transcript.not_text": {
        "nl": "Het transcript is geen leesbare tekst (UTF-8).",
        "en": "The transcript is not readable text (UTF-8).",
    },
    "notulen.transcript.not_vtt": {
        "nl": (
            "Dit is geen WebVTT-transcript: de eerste regel moet WEBVTT zijn. Download het "
            "transcript in Teams via de vergadering > Opname en transcript > Downloaden als .vtt."
        ),
        "en": (
            "This is not a WebVTT transcript: its first line must be WEBVTT. Download it in "
            "Teams from the meeting > Recording and transcript > Download as .vtt."
        ),
    },
    "notulen.transcript.bad_cue": {
        "nl": "Het transcript heeft een onleesbaar blok{where}: de tijdregel klopt niet.",
        "en": "The transcript has an unreadable block{where}: its timing line is wrong.",
    },
    "notulen.transcript.where": {"nl": " op regel {line}", "en": " at line {line}"},
    "notulen.transcript.empty": {
        "nl": "Het transcript bevat geen tekst.",
        "en": "The transcript contains no text.",
    },
    "notulen.transcript.kept": {
        "nl": "Ik heb het transcript niet gebruikt; de notulen zijn niet veranderd.",
        "en": "I have not used the transcript; the minutes have not changed.",
    },
    "notulen.no_reviewer": {
        "nl": (
            "De conceptnotulen van {day} staan klaar, maar er staat geen procesondersteuner "
            "in het RET-bestand die ze kan nakijken."
        ),
        "en": (
            "The draft minutes of {day} are ready, but the RET file names no process "
            "assistant to review them."
        ),
    },
    "email.notulen.subject": {
        "nl": "Notulen RET-overleg {day}",
        "en": "Minutes RET meeting {day}",
    },
    "email.notulen.body": {
        "nl": (
            "Beste {name},\n\nDe notulen van het RET-overleg van {day} zijn vastgesteld "
            "(versie {version}) en staan klaar als Word-document."
        ),
        "en": (
            "Dear {name},\n\nThe minutes of the RET meeting of {day} have been approved "
            "(version {version}) and are ready as a Word document."
        ),
    },
    "notulen.cases": {
        "nl": {"one": "{n} casus: {list}", "other": "{n} casussen: {list}"},
        "en": {"one": "{n} case: {list}", "other": "{n} cases: {list}"},
    },
}
