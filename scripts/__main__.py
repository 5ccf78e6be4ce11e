"""Command line: ``python -m scripts <command>`` (``scripts/run <command>`` sets up first).

Commands: ``check`` (all source checks), ``build`` (safe strict build into site/).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .report import LANGS, default_lang, errors, print_findings


def cmd_check(args: argparse.Namespace) -> int:
    from .project import check_project
    checked = check_project(Path(args.root).resolve(), use_cache=False)
    print_findings(checked.findings, args.lang)
    if not checked.findings:
        print({"tk": "Ýalňyşlyk ýok.", "ru": "Ошибок нет.", "en": "No problems found."}[args.lang],
              file=sys.stderr)
    return 1 if errors(checked.findings) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    return build(Path(args.site_dir) if args.site_dir else None, strict=not args.no_strict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run", description=__doc__)
    parser.add_argument("--lang", choices=LANGS, default=default_lang(),
                        help="language of messages (default: from SOSIAL_IS_LANG or LANG)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check curriculum and pages; non-zero exit on errors")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("build", help="strict build into site/ (the old site survives a failure)")
    p.add_argument("--site-dir", default=None)
    p.add_argument("--no-strict", action="store_true")
    p.set_defaults(func=cmd_build)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
