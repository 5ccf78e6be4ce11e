"""The preview (``scripts/run serve``): one build, then a rebuild on every saved change.

MkDocs' own ``serve`` with three differences:

- the preview is at the root (``http://127.0.0.1:8000/``) whatever path ``site_url`` has, and
  nothing is built into ``site/`` (that is ``scripts/run build``'s job);
- changes are noticed through the operating system's file events (inotify) instead of MkDocs'
  polling every half second, and the build's own writes (the generated pages under docs/) are
  not changes: MkDocs would build a second time after each build that writes one, and an edit
  saved meanwhile waited for it;
- the plugin keeps what it knows across rebuilds (it has ``on_startup``, so MkDocs keeps the
  instance), and a rebuild renders again only the pages an edit touches (``incremental.py``):
  MkDocs' "dirty" builds, with the plugin deciding which page is dirty.

A change that breaks the checks prints the findings and keeps serving the last good site: the
plugin stops the build before MkDocs empties the folder.
"""
from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..core import manifest

log = logging.getLogger("mkdocs.plugins.sosial_is")


class Preview:
    """The preview's builds: the first one clean, every later one incremental."""

    def __init__(self, config_file: Path, site_dir: Path, url: str, dev_addr: str | None = None) -> None:
        from mkdocs.__main__ import ColorFormatter  # MkDocs' own terminal output
        _logging(ColorFormatter)
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
        self.config_file, self.site_dir, self.url, self.dev_addr = config_file, site_dir, url, dev_addr
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def load(self):
        from mkdocs.config import load_config
        options = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir), **options)
        config.site_url = self.url
        return config

    def build(self, config=None) -> None:
        """One build (raises what MkDocs raises: Abort with the findings printed …)."""
        from mkdocs.commands.build import build
        config = config or self.load()
        memory = getattr(config.plugins.get("sosial-is"), "incremental", None)
        dirty = bool(memory and memory.built_once)
        _static_i18n_dirty(dirty)
        build(config, serve_url=self.url, dirty=dirty)
        if not dirty:
            _freeze_heap()

    def close(self) -> None:
        self.config.plugins.on_shutdown()


def _freeze_heap() -> None:
    """After the first build, what it made and the caches that live as long as the preview
    (scans, rendered pages, compiled templates: most of the heap) are moved out of the garbage
    collector's sight (``gc.freeze``). Its full collections during a rebuild then walk only what
    the rebuilds made: at ten times today's size each one had cost 0.3-0.5 s of a rebuild. The
    first build's own objects that later become garbage in reference cycles are not freed:
    a one-time cost of one build's pages and navigation, not one per rebuild."""
    gc.collect()
    gc.freeze()


def serve(config_file: Path, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False) -> int:
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.livereload import LiveReloadServer

    site_dir = Path(tempfile.mkdtemp(prefix="sosial-is-preview-"))
    preview = Preview(config_file, site_dir, f"http://{host}:{port}/", f"{host}:{port}")
    server = LiveReloadServer(builder=preview.build, host=host, port=port, root=str(site_dir))
    server.observer = _ignoring_own_writes(_observer(server.observer), Path(preview.config.docs_dir))
    server.error_handler = lambda code: _error_page(site_dir, code)
    config = preview.config
    try:
        try:
            preview.build(config)
        except (Abort, ConfigurationError) as exc:
            log.error(f"{exc} — fix it and save: the preview is built again.")
        for path in (config.docs_dir, config.config_file_path, *config.watch):
            if path and Path(path).exists():
                server.watch(str(path))
        try:
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        preview.close()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _static_i18n_dirty(dirty: bool) -> None:
    """mkdocs-static-i18n builds its other languages dirty only when ``--dirty`` is on the
    command line (it reads sys.argv); this process decides per build instead."""
    if dirty and "--dirty" not in sys.argv:
        sys.argv.append("--dirty")
    elif not dirty and "--dirty" in sys.argv:
        sys.argv.remove("--dirty")


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave the navigation stale; ours decides per page
    from everything the page shows (incremental.py), so the warning does not apply here (and in
    strict mode it would fail every rebuild)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def _observer(polling):
    """The native file-event observer (inotify on Linux), or MkDocs' polling one without it."""
    try:
        from watchdog.observers import Observer
        return Observer()
    except Exception:
        return polling


# inotify also reports files being opened and closed unchanged (watchdog's "opened" and
# "closed_no_write"): the build reads every source, and MkDocs' handler, written for its polling
# observer that never sees reads, took each build's own reads for a change and built again.
READS = frozenset({"opened", "closed_no_write"})


def _ignoring_own_writes(observer, docs: Path):
    """``observer`` whose handlers hear of changes only: not of files being read (``READS``),
    nor of the files the build writes under ``docs`` (the generated pages and their manifest,
    ``core/manifest.py``, and the temporary files of ``core/atomic.write_atomic``)."""
    schedule = observer.schedule

    def filtered(handler, path, recursive=False, **kwargs):
        hear = handler.on_any_event

        def on_any_event(event) -> None:
            if event.event_type in READS:
                return
            paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if paths and all(_own_write(Path(os.fsdecode(p)), docs) for p in paths):
                return
            hear(event)
        handler.on_any_event = on_any_event
        return schedule(handler, path, recursive=recursive, **kwargs)
    observer.schedule = filtered
    return observer


def _own_write(path: Path, docs: Path) -> bool:
    if path.name.startswith(".") and path.name.endswith(".tmp"):
        return True  # write_atomic's temporary file
    try:
        rel = path.resolve().relative_to(docs.resolve()).as_posix()
    except (ValueError, OSError):
        return False
    return rel == manifest.path(docs).name or rel in manifest.read(docs)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _logging(formatter_cls) -> None:
    """MkDocs' console format for its messages and ours (as ``mkdocs serve`` sets it up)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h.formatter, formatter_cls) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(formatter_cls())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
