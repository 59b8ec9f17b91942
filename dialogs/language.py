"""Choosing the language the bot speaks with a user (Dutch by default)."""

from botbuilder.core import MessageFactory, StatePropertyAccessor
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.dialogs.prompts import ChoicePrompt, PromptOptions

from dialogs.texts import Language, text

LANGUAGES: dict[str, Language] = {"Nederlands": "nl", "English": "en"}


class LanguageDialog(ComponentDialog):
    def __init__(self, language_accessor: StatePropertyAccessor) -> None:
        super().__init__(LanguageDialog.__name__)
        self._language = language_accessor
        prompt = ChoicePrompt("language_choice")
        prompt.style = ListStyle.suggested_action
        self.add_dialog(prompt)
        self.add_dialog(WaterfallDialog("language_steps", [self._ask, self._save]))
        self.initial_dialog_id = "language_steps"

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        current = await self._language.get(step.context, "nl")
        return await step.prompt(
            "language_choice",
            PromptOptions(
                prompt=MessageFactory.text(text("language.ask", current)),
                retry_prompt=MessageFactory.text(text("language.retry", current)),
                choices=[Choice(name) for name in LANGUAGES],
            ),
        )

    async def _save(self, step: WaterfallStepContext) -> DialogTurnResult:
        chosen = LANGUAGES[step.result.value]
        await self._language.set(step.context, chosen)
        await step.context.send_activity(text("language.done", chosen))
        return await step.end_dialog(chosen)
