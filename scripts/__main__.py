"""Command line: ``python -m scripts <command>`` (``scripts/run <command>`` sets up first).

Commands: ``check`` (all source checks; ``--site``, ``--external``), ``site-check``,
``translation-done``, ``build`` (safe strict build into site/),
``new-course`` and ``new-page`` (scaffold sources for contributors, ``scaffold.py``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .report import LANGS, default_lang, errors, print_findings


def cmd_check(args: argparse.Namespace) -> int:
    from .project import check_project
    root = Path(args.root).resolve()
    findings = list(check_project(root, use_cache=False).findings)
    if getattr(args, "site", None):  # built-site checks (sitecheck.py)
        from .sitecheck import check_site
        findings += check_site(Path(args.site).resolve(), root)
    if getattr(args, "external", False):  # opt-in: needs the network (external.py)
        from .external import check_external
        findings += check_external(root)
    print_findings(findings, args.lang)
    if not findings:
        print({"tk": "Ýalňyşlyk ýok.", "ru": "Ошибок нет.", "en": "No problems found."}[args.lang],
              file=sys.stderr)
    return 1 if errors(findings) else 0


def cmd_site_check(args: argparse.Namespace) -> int:
    from .sitecheck import check_site
    findings = check_site(Path(args.site).resolve(), Path(args.root).resolve())
    print_findings(findings, args.lang)
    return 1 if errors(findings) else 0


def cmd_translation_done(args: argparse.Namespace) -> int:
    """Record in translations which version of their Turkmen source they translate."""
    from .project import hand_written_pages
    from .translations import all_translations, mark_done
    root = Path(args.root).resolve()
    paths = [Path(p).resolve() for p in args.paths]
    if args.all:
        paths += all_translations(root, hand_written_pages(root))
    failed = 0
    for path, error in mark_done(paths):
        print(error or f"ok {path.relative_to(root) if path.is_relative_to(root) else path}",
              file=sys.stderr)
        failed += bool(error)
    return 1 if failed or not paths else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    return build(Path(args.site_dir) if args.site_dir else None, strict=not args.no_strict)


def cmd_new_course(args: argparse.Namespace) -> int:
    from .scaffold import plan_course, run
    root = Path(args.root).resolve()
    titles = {lang: getattr(args, f"title_{lang}") for lang in LANGS}
    return run(lambda: plan_course(root, args.code, titles, args.semester, args.credits,
                                   args.programme), root, args.lang)


def cmd_new_page(args: argparse.Namespace) -> int:
    from .scaffold import plan_page, run
    root = Path(args.root).resolve()
    titles = {lang: getattr(args, f"title_{lang}") for lang in LANGS}
    return run(lambda: plan_page(root, args.name, titles), root, args.lang)


def _titles(p: argparse.ArgumentParser) -> None:
    for lang in LANGS:
        p.add_argument(f"--title-{lang}", required=True, metavar="TITLE", help=f"title in {lang}")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run", description=__doc__)
    parser.add_argument("--lang", choices=LANGS, default=default_lang(),
                        help="language of messages (default: from SOSIAL_IS_LANG or LANG)")
    # --lang is accepted after the command too (`scripts/run check --lang ru`), as people type it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help="language of messages (tk, ru, en)")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, **kwargs) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **kwargs)

    p = command("check", help="check curriculum and pages; non-zero exit on errors")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    p.add_argument("--site", metavar="DIR", help="also check a built site (e.g. site/)")
    p.add_argument("--external", action="store_true",
                   help="also check external links (network; cached in .cache/links.json)")
    p.set_defaults(func=cmd_check)
    p = command("site-check", help="check a built site: <html lang>, duplicate ids, "
                       "third-party resources")
    p.add_argument("site", nargs="?", default="site", metavar="DIR")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    p.set_defaults(func=cmd_site_check)
    p = command("translation-done", help="record that translations match their Turkmen "
                       "source now (front matter translation_of)")
    p.add_argument("paths", nargs="*", metavar="FILE", help="e.g. docs/ethics/index.ru.md "
                   "curriculum/courses/SW-101/en.md")
    p.add_argument("--all", action="store_true", help="every existing translation")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    p.set_defaults(func=cmd_translation_done)
    p = command("bench-linkcheck", add_help=False,
                       help="benchmark check vs lychee at 1x/10x/30x (scripts/bench/linkcheck_bench.py)")
    p.set_defaults(func=lambda a: __import__("scripts.bench.linkcheck_bench", fromlist=["main"]).main(a.args))
    p = command("build", help="strict build into site/ (the old site survives a failure)")
    p.add_argument("--site-dir", default=None)
    p.add_argument("--no-strict", action="store_true")
    p.set_defaults(func=cmd_build)
    p = command("new-course", help="scaffold curriculum/courses/CODE/ and add it to a semester")
    p.add_argument("code", metavar="CODE", help="course code, e.g. SW-215")
    p.add_argument("--semester", type=int, required=True)
    p.add_argument("--credits", type=int, required=True, help="ECTS (1 ECTS = 30 hours)")
    p.add_argument("--programme", default="bsw", help="programme id (default: bsw)")
    _titles(p)
    p.set_defaults(func=cmd_new_course)
    p = command("new-page", help="scaffold docs/SECTION/NAME.{tk,ru,en}.md")
    p.add_argument("name", metavar="SECTION/NAME", help="e.g. ethics/supervision")
    _titles(p)
    p.set_defaults(func=cmd_new_page)
    args, extra = parser.parse_known_args(argv)
    if args.command == "bench-linkcheck":  # its options belong to the benchmark script
        args.args = extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
