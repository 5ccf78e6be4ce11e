"""YAML that remembers where each value came from.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two duplicate keys.
Contributors need ``file:line`` for every finding, so we compose the node tree ourselves and keep
a map from each value's path (``("courses", 3, "code")``) to its 1-based line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .report import Finding, finding

PathKey = tuple[Any, ...]


@dataclass
class Located:
    """Parsed YAML data plus the line of every value in it."""

    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, loc: PathKey) -> int:
        """Line of the value at ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def load_yaml(path: Path, text: str | None = None, line_offset: int = 0) -> tuple[Located | None, list[Finding]]:
    """Parse ``path`` (or ``text`` that came from it, starting at ``line_offset``)."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            return None, [finding(path, 1, "FILE-ENCODING", detail=str(exc))]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(path, None, {(): 1 + line_offset}), []
        located = Located(path, None)
        dups: list[Finding] = []
        located.data = _convert(loader, node, (), located, dups, line_offset)
        return located, dups
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        detail = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        return None, [finding(path, line, "YAML-SYNTAX", detail=detail)]
    except yaml.YAMLError as exc:
        return None, [finding(path, 1 + line_offset, "YAML-SYNTAX", detail=str(exc))]
    finally:
        loader.dispose()


def _convert(loader: yaml.SafeLoader, node: yaml.Node, loc: PathKey, out: Located,
             dups: list[Finding], offset: int) -> Any:
    out.lines[loc] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            if key in result:
                dups.append(finding(out.path, key_node.start_mark.line + 1 + offset,
                                    "YAML-DUPLICATE-KEY", key=key))
            result[key] = _convert(loader, value_node, loc + (key,), out, dups, offset)
            out.lines[loc + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, child, loc + (i,), out, dups, offset)
                for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
