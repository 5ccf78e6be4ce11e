"""The command line: ``scripts/run <command>`` (which sets everything up first), or
``python -m sosial_is <command>`` inside the project's environment.

Every command works on the project of ``--config`` (default: ./mkdocs.yml) and prints findings
in the contributor's language (``--lang``, else SOSIAL_IS_LANG, else LANG).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .core.findings import default_lang, errors, print_findings, relpath
from .core.languages import LANGS
from .locale import t


def _project(args: argparse.Namespace):
    """The project of ``--config`` (mkdocs.yml, read by MkDocs' loader), or the findings that
    say why it cannot be read."""
    from .mkdocs.site_config import load
    from .project import Project
    config, problems = load(Path(args.config).resolve())
    return (Project(config) if config else None), problems


def cmd_check(args: argparse.Namespace) -> int:
    from . import pipeline
    project, findings = _project(args)
    unreadable = 0
    if project is not None:
        state = pipeline.run(project)
        findings += state.findings
        unreadable = state.unreadable
        if args.site:  # built-site checks
            from .checks.site import check_site
            findings += check_site(Path(args.site).resolve(), project.config.site_url)
        if args.external:  # opt-in: needs the network
            from .checks.external import check_external
            findings += check_external(project.root, state.hand_written + project.course_files())
    print_findings(findings, args.lang, unreadable=unreadable)
    if not findings:
        print(t("check_no_problems", args.lang), file=sys.stderr)
    return 1 if errors(findings) else 0


def cmd_site_check(args: argparse.Namespace) -> int:
    from .checks.site import check_site
    project, findings = _project(args)
    site_url = project.config.site_url if project else ""
    findings += check_site(Path(args.site).resolve(), site_url)
    print_findings(findings, args.lang)
    return 1 if errors(findings) else 0


def cmd_translation_done(args: argparse.Namespace) -> int:
    """Record in translations which version of their Turkmen source they translate."""
    from .project.translations import all_translations, mark_done
    paths = [Path(p).resolve() for p in args.paths]
    sources: dict[Path, Path] = {}
    if args.all or any("editions" in p.parts for p in paths):
        project, problems = _project(args)
        if project is None:
            print_findings(problems, args.lang)
            return 1
        sources = _edition_sources(project)
        if args.all:
            paths += all_translations(project.root, project.docs, project.hand_written())
            paths += sorted(sources)
    failed = 0
    for path, error in mark_done(paths, sources):
        print(error or f"ok {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}",
              file=sys.stderr)
        failed += bool(error)
    return 1 if failed or not paths else 0


def _edition_sources(project) -> dict[Path, Path]:
    """The Turkmen source of each translated course file in an edition's folder."""
    from .curriculum.editions import load_editions, translation_sources
    from .curriculum.loader import load_curriculum
    from .markdown.cache import SourceCache
    cache = SourceCache()
    cur, _ = load_curriculum(project.curriculum, cache)
    editions, _ = load_editions(project.curriculum, cur, cache)
    return translation_sources(editions)


def cmd_build(args: argparse.Namespace) -> int:
    from .publish.build import build
    return build(Path(args.config), Path(args.site_dir) if args.site_dir else None,
                 strict=not args.no_strict)


def cmd_serve(args: argparse.Namespace) -> int:
    from .mkdocs.serve import serve
    host, _, port = args.dev_addr.rpartition(":")
    return serve(Path(args.config).resolve(), host or "127.0.0.1", int(port), args.open)


def cmd_new_course(args: argparse.Namespace) -> int:
    from .scaffold.commands import plan_course, run
    root = Path(args.config).resolve().parent
    titles = {lang: getattr(args, f"title_{lang}") for lang in LANGS}
    return run(lambda: plan_course(root, args.code, titles, args.semester, args.credits,
                                   args.programme), root, args.lang)


def cmd_new_page(args: argparse.Namespace) -> int:
    from .scaffold.commands import plan_page, run
    root = Path(args.config).resolve().parent
    titles = {lang: getattr(args, f"title_{lang}") for lang in LANGS}
    return run(lambda: plan_page(root, args.name, titles), root, args.lang)


def _edition_command(args: argparse.Namespace, act: Callable[[Path], list]) -> tuple[int, list]:
    """Run an edition tool on the project's curriculum/: (exit code, what it wrote)."""
    from .scaffold.editions import EditionError
    project, problems = _project(args)
    if project is None:
        print_findings(problems, args.lang)
        return 1, []
    try:
        return 0, act(project.curriculum)
    except EditionError as exc:
        print_findings(exc.findings, args.lang)
        return 1, []


def cmd_edition_new(args: argparse.Namespace) -> int:
    from .scaffold.editions import new_edition
    code, written = _edition_command(args, lambda curriculum: new_edition(curriculum, args.edition))
    for path in written:
        print(f"{t('scaffold_changed', args.lang)} {relpath(path)}")
    return code


def cmd_edition_promote(args: argparse.Namespace) -> int:
    from .scaffold.editions import promote
    code, touched = _edition_command(args, lambda curriculum: promote(curriculum, args.edition))
    for path in touched:
        print(f"{t('scaffold_changed', args.lang)} {path}")
    if code == 0:
        print(t("edition_promoted", args.lang, id=args.edition))
    return code


def cmd_curriculum_diff(args: argparse.Namespace) -> int:
    """What the change from --base to --head does to the curriculum (the pull-request summary)."""
    from .review.curriculum_diff import curriculum_diff
    project, findings = _project(args)
    text = None
    if project is not None:
        text, findings = curriculum_diff(project.root, project.curriculum, args.base, args.head,
                                         args.format, args.lang)
    if text is None:
        print_findings(findings, args.lang)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _passthrough(module: str) -> Callable[[argparse.Namespace], int]:
    """A command whose options belong to the module's own ``main(argv)``."""
    def call(args: argparse.Namespace) -> int:
        import importlib
        return importlib.import_module(f"sosial_is.{module}").main(args.rest)
    return call


PASSTHROUGH = {
    "pdf": ("publish.pdf", "PDFs of every syllabus and the ethics guide into site/pdf/"),
    "offline": ("publish.offline", "one offline ZIP per language into site/offline/"),
    "nginx-conf": ("publish.nginx", "the nginx configuration for a built site"),
    "page-weight": ("bench.page_weight", "bytes transferred per page and language (budget)"),
    "audit": ("audit.run", "Lighthouse and axe-core on the built site"),
    "bench-linkcheck": ("bench.linkcheck", "link-check benchmark against lychee"),
    "bench-search": ("bench.search_quality", "search quality against Material's default"),
    "bench-build": ("bench.build", "build time and memory against stock MkDocs at several sizes"),
    "bench-serve": ("bench.serve", "edit-to-preview time of scripts/run serve at several sizes"),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="scripts/run", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--lang", choices=LANGS, default=default_lang(),
                     help="language of messages (default: from SOSIAL_IS_LANG or LANG)")
    # --lang and --config are accepted after the command too (`scripts/run check --lang ru`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help="language of messages (tk, ru, en)")
    common.add_argument("--config", default="mkdocs.yml", metavar="MKDOCS_YML",
                        help="the project's mkdocs.yml (default: ./mkdocs.yml)")
    sub = top.add_subparsers(dest="command", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int], **kwargs) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], **kwargs)
        p.set_defaults(func=func)
        return p

    p = command("check", cmd_check, help="check curriculum and pages; non-zero exit on errors")
    p.add_argument("--site", metavar="DIR", help="also check a built site (e.g. site/)")
    p.add_argument("--external", action="store_true",
                   help="also check external links (network; cached in .cache/links.json)")
    p = command("site-check", cmd_site_check,
                help="check a built site: <html lang>, duplicate ids, third-party resources")
    p.add_argument("site", nargs="?", default="site", metavar="DIR")
    p = command("translation-done", cmd_translation_done,
                help="record that translations match their Turkmen source now")
    p.add_argument("paths", nargs="*", metavar="FILE",
                   help="e.g. docs/ethics/index.ru.md curriculum/courses/SW-101/en.md")
    p.add_argument("--all", action="store_true", help="every existing translation")
    p = command("build", cmd_build, help="strict build into site/ (the old site survives a failure)")
    p.add_argument("--site-dir", default=None)
    p.add_argument("--no-strict", action="store_true")
    p = command("serve", cmd_serve, help="preview on http://127.0.0.1:8000/, rebuilt on every save")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    p.add_argument("--open", action="store_true", help="open the preview in a browser")
    p = command("new-course", cmd_new_course,
                help="scaffold curriculum/courses/CODE/ and add it to a semester")
    p.add_argument("code", metavar="CODE", help="course code, e.g. SW-215")
    p.add_argument("--semester", type=int, required=True)
    p.add_argument("--credits", type=int, required=True, help="ECTS (1 ECTS = 30 hours)")
    p.add_argument("--programme", default="bsw", help="programme id (default: bsw)")
    _titles(p)
    p = command("new-page", cmd_new_page, help="scaffold docs/SECTION/NAME.{tk,ru,en}.md")
    p.add_argument("name", metavar="SECTION/NAME", help="e.g. ethics/supervision")
    _titles(p)
    p = command("edition-new", cmd_edition_new,
                help="add an edition in preparation (curriculum/editions/YEAR-YEAR/)")
    p.add_argument("edition", metavar="YEAR-YEAR", help="e.g. 2028-2029")
    p = command("edition-promote", cmd_edition_promote,
                help="make the edition in preparation current; the current one is archived")
    p.add_argument("edition", metavar="YEAR-YEAR", help="e.g. 2027-2028")
    p = command("curriculum-diff", cmd_curriculum_diff,
                help="what a change does to the curriculum, in tk, ru and en (pull-request summary)")
    p.add_argument("--base", required=True, metavar="GIT_REF", help="e.g. origin/main, HEAD~1")
    p.add_argument("--head", default=None, metavar="GIT_REF", help="default: the working tree")
    p.add_argument("--output", metavar="FILE", help="default: standard output ($GITHUB_STEP_SUMMARY in CI)")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    for name, (module, text) in PASSTHROUGH.items():  # every option goes to the module
        sub.add_parser(name, help=text, add_help=False).set_defaults(func=_passthrough(module))
    return top


def _titles(p: argparse.ArgumentParser) -> None:
    for lang in LANGS:
        p.add_argument(f"--title-{lang}", required=True, metavar="TITLE", help=f"title in {lang}")


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args, rest = top.parse_known_args(argv)
    if args.command in PASSTHROUGH:
        args.rest = rest
    elif rest:
        top.error(f"unrecognized arguments: {' '.join(rest)}")
    return args.func(args)


def run() -> None:
    sys.exit(main())
