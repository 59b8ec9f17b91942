"""The text catalogs: one per flow, merged into one, every text in Dutch and English."""

import re
import string

import pytest

from dialogs import texts
from dialogs.texts import general


def _forms(wording: str | dict) -> list[str]:
    return [wording] if isinstance(wording, str) else list(wording.values())


def test_every_text_has_dutch_and_english_with_the_same_placeholders():
    for key, wording in texts._CATALOG.items():
        assert set(wording) == {"nl", "en"}, key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(form) if name}
            for language in wording.values()
            for form in _forms(language)
        ]
        assert all(f == fields[0] for f in fields), key


def test_a_text_that_depends_on_a_count_has_a_form_for_one_and_for_more():
    plurals = {k: w for k, w in texts._CATALOG.items() if not isinstance(w["nl"], str)}
    assert plurals
    for key, wording in plurals.items():
        assert all(set(forms) >= {"one", "other"} for forms in wording.values()), key
    assert texts.plural_text("outbox.messages", 1) == "1 bericht"
    assert texts.plural_text("outbox.messages", 3) == "3 berichten"
    assert texts.plural_text("outbox.messages", 0, "en") == "0 messages"
    with pytest.raises(TypeError):
        texts.text("outbox.messages")


def test_no_text_leaves_its_plural_to_the_reader():
    """'1 casus(sen)' and '1 deelnemer(s)' read badly: such texts use plural_text."""
    bracketed = re.compile(r"\w\((?:s|en|sen|n)\)")
    found = [
        key
        for key, wording in texts._CATALOG.items()
        for template in wording.values()
        for form in _forms(template)
        if bracketed.search(form)
    ]

    assert found == []
    assert texts.plural_text("notulen.cases", 1, list="RET-2026-0001 (J.D.)") == (
        "1 casus: RET-2026-0001 (J.D.)"
    )
    assert texts.plural_text("case_pages.position", 2, "en", page=1, pages=1).endswith(
        "2 cases, newest first"
    )


def test_a_key_that_two_flows_both_define_stops_the_start():
    with pytest.raises(ValueError, match="repeats text keys"):
        texts._merged((general, general))
