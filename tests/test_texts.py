"""The text catalogs: one per flow, merged into one, every text in Dutch and English."""

import string

import pytest

from dialogs import texts
from dialogs.texts import general


def test_every_text_has_dutch_and_english_with_the_same_placeholders():
    for key, wording in texts._CATALOG.items():
        assert set(wording) == {"nl", "en"}, key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(w) if name}
            for w in wording.values()
        ]
        assert fields[0] == fields[1], key


def test_a_key_that_two_flows_both_define_stops_the_start():
    with pytest.raises(ValueError, match="repeats text keys"):
        texts._merged((general, general))
