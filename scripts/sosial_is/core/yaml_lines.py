"""YAML that remembers where each value came from.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two duplicate keys.
Contributors need ``file:line`` for every finding, so we compose the node tree ourselves (with
libyaml's C parser when PyYAML has it: several times faster) and keep a map from each value's
path (``("courses", 3, "code")``) to its 1-based line. Nothing here raises on bad input: syntax
errors, duplicate keys, keys that cannot be keys and absurd nesting all come back as findings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, finding
from .sources import read_source

PathKey = tuple[Any, ...]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # no source of ours nests deeper than 5; refuse before Python's recursion limit
# Values in one file (counted as written out: an alias counts as often as it is used), so that
# a few lines of anchors and aliases cannot expand into billions of values ("billion laughs").
MAX_VALUES = 200_000


class _TooDeep(Exception):
    def __init__(self, line: int, detail: str) -> None:
        super().__init__(line)
        self.line = line
        self.detail = detail


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


def load_yaml(path: Path) -> tuple[Located | None, list[Finding]]:
    """Read and parse the YAML file ``path`` (read through ``core.sources``)."""
    source = read_source(path)
    if not source.ok:
        return None, [source.problem]
    return load_yaml_text(path, source.text)


def load_yaml_text(path: Path, text: str, line_offset: int = 0) -> tuple[Located | None, list[Finding]]:
    """Parse ``text`` that came from ``path`` (starting at line ``line_offset`` + 1)."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(path, None, {(): 1 + line_offset}), []
        located = Located(path, None)
        dups: list[Finding] = []
        located.data = _convert(loader, node, (), located, dups, line_offset, [0])
        return located, dups
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        detail = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        return None, [finding(path, line, "YAML-SYNTAX", detail=detail)]
    except _TooDeep as exc:
        return None, [finding(path, exc.line, "YAML-SYNTAX", detail=exc.detail)]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # TypeError: a mapping or set used as a key; ValueError/OverflowError: a timestamp or
        # number libyaml accepts and Python cannot represent.
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, [finding(path, 1 + line_offset, "YAML-SYNTAX", detail=detail[:200])]
    finally:
        loader.dispose()


def _convert(loader: Any, node: yaml.Node, loc: PathKey, out: Located,
             dups: list[Finding], offset: int, count: list[int]) -> Any:
    line = node.start_mark.line + 1 + offset
    if len(loc) > MAX_DEPTH:
        raise _TooDeep(line, f"nested more than {MAX_DEPTH} levels deep")
    count[0] += 1
    if count[0] > MAX_VALUES:
        raise _TooDeep(line, f"more than {MAX_VALUES} values (anchors and aliases used over and over?)")
    out.lines[loc] = line
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            hash(key)  # TypeError for a mapping used as a key
            if key in result:
                dups.append(finding(out.path, key_node.start_mark.line + 1 + offset,
                                    "YAML-DUPLICATE-KEY", key=key))
            result[key] = _convert(loader, value_node, loc + (key,), out, dups, offset, count)
            out.lines[loc + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, child, loc + (i,), out, dups, offset, count)
                for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
