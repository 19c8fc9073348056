"""Reading the demo world's data files under ``data/``: YAML, and Markdown with YAML front
matter (a publication's or a text's fields between two ``---`` lines, then its body)."""

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_yaml(name: str) -> Any:
    """The contents of ``data/<name>``."""
    with (DATA_DIR / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_markdown(path: Path) -> dict:
    """The front matter of one Markdown file as a dict, with its body under ``body``."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.removeprefix("---\n").partition("\n---\n")
    if not text.startswith("---\n") or not sep:
        raise ValueError(f"{path.name}: front matter between two '---' lines is missing")
    fields = yaml.safe_load(head) or {}
    if "body" in fields:
        raise ValueError(f"{path.name}: 'body' belongs after the front matter, not in it")
    return {**fields, "body": body.strip("\n")}


def load_markdown_folder(name: str) -> list[dict]:
    """Every ``*.md`` file in ``data/<name>/``, in the order of their file names."""
    return [load_markdown(path) for path in sorted((DATA_DIR / name).glob("*.md"))]


def load_yaml_folder(name: str) -> list:
    """The contents of every ``*.yaml`` file in ``data/<name>/``, in the order of their names."""
    return [load_yaml(f"{name}/{path.name}") for path in sorted((DATA_DIR / name).glob("*.yaml"))]
