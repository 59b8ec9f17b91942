"""A conversation survives a restart of retbot: dialog state lives in the database."""


async def test_dialog_continues_on_a_new_app_instance(bot, conversation):
    await conversation.join()
    asked = await conversation.say("taal")
    assert "In welke taal" in asked.texts()[0]

    await bot.restart()
    conversation.bot_url = bot.messages_url
    answered = await conversation.say("English")
    later = await conversation.say("help")

    assert answered.texts() == ["Fine, I will speak English with you from now on."]
    assert later.texts()[0].startswith("This is how I work")
