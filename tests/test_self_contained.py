"""A plain clone runs its own tests: no code, test or script reaches outside the repository
for the project's shared notes (schemas and templates live in the repository)."""

import re

from tests.support import REPO

CHECKED = (
    "tests",
    "bot",
    "dialogs",
    "domain",
    "storage",
    "scheduler",
    "documents",
    "manifest",
    "bench",
    ".ci",
    "deploy",
    "docs",
)
# Written in pieces so that this file does not name them itself.
OUTSIDE = re.compile(
    "|".join(
        (
            re.escape("../" + "shared"),
            re.escape("shared/" + "schemas"),
            r"parent\s*/\s*['\"]" + "shared" + r"['\"]",
        )
    )
)


def references_outside(root=REPO) -> list[str]:
    found = []
    for folder in CHECKED:
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # icons and other binary files
            for number, line in enumerate(text.splitlines(), 1):
                if OUTSIDE.search(line):
                    found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_nothing_reads_from_outside_the_repository():
    assert references_outside() == []


def test_the_check_finds_such_a_reference(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "bad.py").write_text(
        'SCHEMA = REPO.parent / "' + 'shared" / "schemas"\n', encoding="utf-8"
    )
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "bad.sh").write_text("cat ../" + "shared/DOMAIN.md\n", encoding="utf-8")
    for folder in CHECKED:
        (tmp_path / folder).mkdir(exist_ok=True)

    assert [line.split(":")[0] for line in references_outside(tmp_path)] == [
        "tests/bad.py",
        "bench/bad.sh",
    ]


def test_the_schemas_are_in_the_repository_with_their_licences():
    schemas = REPO / "tests" / "schemas"
    for name in (
        "adaptive-card-1.5.schema.json",
        "teams-manifest-1.29.schema.json",
        "LICENSE-adaptive-cards.txt",
        "LICENSE-teams-app-schema.txt",
        "README.md",
    ):
        assert (schemas / name).is_file(), name
