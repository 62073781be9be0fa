"""YAML that remembers where each mapping and key starts, so errors can name the line."""

from pathlib import Path
from typing import Any

import yaml


class Mapping(dict):
    """A YAML mapping; ``line`` is where it starts, ``lines[key]`` where each key is."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[str(key)] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class YamlError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load(text: str, *, first_line: int = 1) -> Any:
    """Parse YAML text; lines count from ``first_line`` (front matter starts after ``---``)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlError(line, f"YAML: {error.problem or error}") from error
    except yaml.YAMLError as error:
        raise YamlError(first_line, f"YAML: {error}") from error
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data: Any, offset: int) -> None:
    if isinstance(data, Mapping):
        data.line += offset
        data.lines = {key: line + offset for key, line in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset)


def load_file(path: Path) -> Any:
    return load(path.read_text(encoding="utf-8"))
