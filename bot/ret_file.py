"""Reading the RET's YAML file, with errors a person can act on in one line."""

from pathlib import Path

import yaml
from pydantic import ValidationError

from domain.ret import RetConfig

EXAMPLE_CONFIG = Path(__file__).resolve().parent.parent / "examples" / "ret.example.yaml"


class RetConfigError(Exception):
    """The RET file is missing or invalid; the message names the file, field and problem."""


def load_ret_config(path: Path) -> RetConfig:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RetConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise RetConfigError(f"{path}: {where}not valid YAML ({problem})") from None
    if not isinstance(raw, dict):
        raise RetConfigError(f"{path}: expected a mapping with the RET's fields at the top")
    try:
        config = RetConfig.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{_field_path(e['loc'])}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise RetConfigError(f"{path}: {problems}") from None
    return _with_paths_from(path.parent, config)


def _with_paths_from(folder: Path, config: RetConfig) -> RetConfig:
    """The document template and logo, relative to the RET file's folder."""
    found = {
        name: str(folder / value)
        for name in ("template", "logo")
        if (value := getattr(config.documents, name)) and not Path(value).is_absolute()
    }
    if not found:
        return config
    return config.model_copy(update={"documents": config.documents.model_copy(update=found)})


def _field_path(loc: tuple) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc]
    return "".join(parts).lstrip(".") or "(top)"


def resolve_config_path(explicit: Path | None) -> Path:
    """--config / RETBOT_CONFIG, else ./ret.yaml when present, else the shipped example RET."""
    if explicit is not None:
        return explicit
    local = Path("ret.yaml")
    return local if local.exists() else EXAMPLE_CONFIG
