"""Another retbot instance's outbox dispatcher, in a process of its own: what a test kills
with SIGKILL mid-send. `python -m tests.outbox_instance DATABASE_URL` sends whatever is due,
again and again, until it is killed.

`instance` is the same dispatcher in the test's own process.
"""

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from bot.adapter import create_adapter
from bot.outbox import Mailer, OutboxDispatcher
from bot.reach import Reach, TeamsInstaller
from bot.ret_file import load_ret_config
from bot.settings import Settings
from domain.ret import RetConfig
from storage.database import create_engine, create_session_factory
from storage.encryption import PLAIN, FieldCipher
from storage.member_emails import MemberEmails
from storage.outbox import OutboxRepository
from storage.references import ReferenceRepository
from tests.support import EXAMPLE_RET


@asynccontextmanager
async def instance(
    database_url: str,
    ret: RetConfig,
    mailer: Mailer | None = None,
    cipher: FieldCipher = PLAIN,
    installer: Callable[[ReferenceRepository], TeamsInstaller] | None = None,
    **outbox_options,
) -> AsyncIterator[OutboxDispatcher]:
    """A dispatcher with its own engine, adapter and connectors, as another instance has;
    `installer` makes the Graph installer from the instance's references."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    adapter, connectors = create_adapter(Settings(database_url=database_url))
    references = ReferenceRepository(sessions)
    reach = Reach(
        ret, references, MemberEmails(sessions), installer(references) if installer else None
    )
    outbox = OutboxRepository(sessions, cipher, **outbox_options)
    try:
        yield OutboxDispatcher(adapter, "", reach, outbox, ret, mailer)
    finally:
        await connectors.close()
        await engine.dispose()


async def _send_until_killed(database_url: str) -> None:
    async with instance(database_url, load_ret_config(EXAMPLE_RET)) as dispatcher:
        print("ready", flush=True)
        while True:
            await dispatcher.dispatch_due()
            await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(_send_until_killed(sys.argv[1]))
