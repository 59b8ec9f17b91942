"""Teams' own cards for files: the file consent card (asks to put a document in the user's
OneDrive; the answer comes as a `fileConsent/invoke`) and the file info card (the uploaded
file, to open). Teams sends these in a personal chat only (manifest `supportsFiles`)."""

from domain.documents import DocumentVersion

FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
CONSENT_CONTEXT = "document_version"  # the version's id, in accept- and declineContext


def file_consent_card(version: DocumentVersion, description: str) -> dict:
    context = {CONSENT_CONTEXT: version.id}
    return {
        "contentType": FILE_CONSENT,
        "name": version.filename,
        "content": {
            "description": description,
            "sizeInBytes": len(version.content or b""),
            "acceptContext": context,
            "declineContext": context,
        },
    }


def file_info_card(name: str, content_url: str, unique_id: str, file_type: str) -> dict:
    return {
        "contentType": FILE_INFO,
        "name": name,
        "contentUrl": content_url,
        "content": {"uniqueId": unique_id, "fileType": file_type},
    }
