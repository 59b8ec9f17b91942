"""The rules every card retbot sends is held to (tests.support.assert_valid_card, run on
every card a test's connector receives): they must catch what Teams users would notice."""

import pytest

from dialogs.cards import adaptive_card, heading, paragraph, submit
from tests.support import assert_valid_card


def form(*body: dict) -> dict:
    return adaptive_card([heading("Afspraken"), *body], [submit("Vastleggen", {"x": 1})])


def test_a_form_built_by_the_helpers_passes():
    card = form({"type": "Input.Text", "id": "actie", "label": "Wat?", "maxLength": 200})

    assert card["msteams"] == {"width": "Full"}
    assert card["body"][0]["style"] == "heading"
    assert_valid_card(card)


def test_a_card_without_inputs_keeps_the_narrow_bubble():
    assert "msteams" not in adaptive_card([paragraph("Dank je wel.")])


@pytest.mark.parametrize(
    ("card", "complaint"),
    [
        (form({"type": "Input.Text", "id": "actie", "label": "Wat?"}), "without maxLength"),
        (
            {
                key: value
                for key, value in form(
                    {"type": "Input.Text", "id": "a", "label": "A", "maxLength": 9}
                ).items()
                if key != "msteams"
            },
            "not over the full width",
        ),
        (
            form(*[paragraph("x" * 1000) for _ in range(30)]),
            "over Teams' limit",
        ),
        (
            adaptive_card([{"type": "TextBlock", "text": "Kop", "size": "Medium"}]),
            "not marked as headings",
        ),
    ],
    ids=["unbounded-input", "narrow-form", "too-big", "unmarked-heading"],
)
def test_what_teams_users_would_notice_is_refused(card, complaint):
    with pytest.raises(AssertionError, match=complaint):
        assert_valid_card(card)
