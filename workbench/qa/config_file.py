"""Per-project check configuration in a TOML file next to the glossary (e.g. wuzheng.checks.toml).

    disabled = ["lowercase_sentence_start"]
    [severity]
    double_space = "info"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from workbench.errors import UserError
from workbench.infra.safe_write import write_text_atomically
from workbench.qa.config import CheckConfig


def config_path(glossary_path: Path) -> Path:
    return glossary_path.with_name(glossary_path.stem + ".checks.toml")


def read(path: Path) -> CheckConfig:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read the check configuration ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path}: not valid TOML ({error})") from None
    if not isinstance(data.get("disabled", []), list) or not isinstance(data.get("severity", {}), dict):
        raise UserError(f"{path}: expected `disabled = [...]` and a [severity] table")
    try:
        return CheckConfig.from_dict(data)
    except UserError as error:
        raise UserError(f"{path}: {error}") from None


def for_glossary(glossary_path: str | Path | None) -> CheckConfig:
    if not glossary_path:
        return CheckConfig()
    path = config_path(Path(glossary_path))
    return read(path) if path.exists() else CheckConfig()


def write(config: CheckConfig, path: Path) -> None:
    lines = [f"disabled = [{', '.join(repr(c).replace(chr(39), chr(34)) for c in sorted(config.disabled))}]", "",
             "[severity]"]
    lines += [f'{check} = "{severity}"' for check, severity in sorted(config.severity.items())]
    write_text_atomically(path, "\n".join(lines) + "\n")  # a failed write leaves the old settings
