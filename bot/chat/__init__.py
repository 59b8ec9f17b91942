"""A Bot Framework client that talks to retbot as the Emulator does (CLI, tests, benchmarks)."""
