"""Each flow declares its routes; bot/ merges them and keeps the SDK to itself."""

import ast

import pytest

from bot.app import RETBOT
from dialogs.routes import Routes, merged, submit_verb
from tests.support import REPO

FLOWS_AND_BELOW = ("dialogs", "domain", "storage", "documents", "scheduler")
SDK_PACKAGES = ("botbuilder", "botframework", "msrest", "microsoft_agents")


async def handle(turn) -> None:
    return None


def test_a_route_declared_by_two_flows_stops_the_start():
    one = Routes(submits={"close_case": handle})
    other = Routes(submits={"close_case": handle}, commands={"menu": handle})

    with pytest.raises(ValueError, match="submits declared twice: \\['close_case'\\]"):
        merged(one, other)


def test_the_same_name_in_two_kinds_of_route_is_no_clash():
    table = merged(Routes(commands={"menu": handle}), Routes(submits={"menu": handle}))

    assert set(table.commands) == set(table.submits) == {"menu"}


def test_a_submit_goes_by_its_verb_and_an_old_card_by_its_key():
    submits = {"close_case": handle, "advice": handle}

    assert submit_verb({"verb": "advice", "close_case": "RET-1"}, submits) == "advice"
    assert submit_verb({"close_case": "RET-1"}, submits) == "close_case"  # sent before verbs
    assert submit_verb({"verb": "nothing_we_know"}, submits) is None
    assert submit_verb({}, submits) is None


async def test_the_running_bot_routes_every_flow(bot):
    routes = bot.app[RETBOT].bot._routes

    assert {"menu", "help", "language", "aanmelding", "vraag", "casussen", "stop"} <= set(
        routes.commands
    )
    assert {"intake", "close_case", "advice", "notulen", "signal"} <= set(routes.submits)
    assert set(routes.files) == {"docx", "vtt"}
    assert set(routes.invokes) == {"fileConsent/invoke"}
    assert {"intake", "consult", "language"} <= set(routes.waiting)


def sdk_imports(folder: str) -> list[str]:
    found = []
    for path in sorted((REPO / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.relative_to(REPO)}: {n}" for n in names if n.startswith(SDK_PACKAGES)]
    return found


@pytest.mark.parametrize("folder", FLOWS_AND_BELOW)
def test_the_sdk_stays_at_the_edge(folder):
    """Flows get retbot's own Turn (dialogs.turn); only bot/ speaks the SDK."""
    assert sdk_imports(folder) == []
