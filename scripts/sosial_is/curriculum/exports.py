"""Machine-readable exports of the validated model, written into the built site.

Written to ``docs/data/`` at build time (so they are in the built site at ``/data/``):

- ``curriculum.json``: the whole curriculum (facts, prose per language, placements), with a JSON
  Schema derived from the same pydantic models (``curriculum.schema.json``).
- ``competencies.case.json``: the competency framework as a 1EdTech CASE 1.1 ``CFPackage``.
Identifiers are UUIDv5 derived from our ids and dates come from the source's git history (or
SOURCE_DATE_EPOCH), so two builds of one commit produce identical files.
"""
from __future__ import annotations

import functools
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from ..core import git
from ..core.languages import LANGS
from .loader import SYNONYMS_FILE
from .model import Competency, CourseFacts, Curriculum, Framework, GlossaryEntry, Programme, Reference

NAMESPACE = uuid.UUID("6f1c4c1e-5d1b-4b8e-9a57-2f0d3b9a7e11")  # fixed: stable identifiers


def source_date(root: Path) -> str:
    """ISO timestamp of the last change to curriculum/ (git), else SOURCE_DATE_EPOCH, else epoch.

    The search synonyms live in curriculum/ but are not curriculum: a commit that only changes
    them does not date the exports."""
    epoch = git.last_commit_epoch(root, "curriculum", f":(exclude)curriculum/{SYNONYMS_FILE}")
    if epoch is None:
        value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        epoch = int(value) if value.isdigit() else 0
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def curriculum_json(cur: Curriculum) -> dict:
    courses = []
    for course in sorted(cur.courses.values(), key=lambda c: c.code):
        entry = course.facts.model_dump(mode="json")
        entry["placements"] = [{"programme": p.programme, "semester": p.semester}
                               for p in cur.placements(course.code)]
        entry["text"] = {
            lang: {
                "title": text.title,
                "description": text.sections["description"].body.strip()
                if "description" in text.sections else "",
                "outcomes": [i.text for i in text.outcomes],
                "topics": [i.text for i in text.topics],
                "assessment": text.sections["assessment"].body.strip()
                if "assessment" in text.sections else "",
            } for lang, text in sorted(course.texts.items())
        }
        courses.append(entry)
    return {
        "$schema": "./curriculum.schema.json",
        "languages": list(LANGS),
        "framework": cur.framework.model_dump(mode="json") if cur.framework else None,
        "competencies": [c.model_dump(mode="json") for c in cur.competencies.values()],
        "programmes": [p.model_dump(mode="json") for p in cur.programmes.values()],
        "courses": courses,
        "references": [r.model_dump(mode="json", exclude_none=True) for r in cur.references.values()],
        "glossary": [g.model_dump(mode="json", exclude_none=True) for g in cur.glossary.values()],
    }


@functools.cache
def _schema_text() -> str:
    return json.dumps(curriculum_schema(), ensure_ascii=False, indent=1) + "\n"


def curriculum_schema() -> dict:
    """JSON Schema of curriculum.json, built from the pydantic models (one source of truth)."""
    defs: dict = {}

    def ref(model) -> dict:
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        return {"$ref": f"#/$defs/{model.__name__}"}

    text = {"type": "object", "required": ["title", "description", "outcomes", "topics", "assessment"],
            "properties": {"title": {"type": "string", "minLength": 1},
                           "description": {"type": "string"},
                           "outcomes": {"type": "array", "items": {"type": "string"}},
                           "topics": {"type": "array", "items": {"type": "string"}},
                           "assessment": {"type": "string"}}}
    course = {"allOf": [ref(CourseFacts), {
        "type": "object", "required": ["placements", "text"],
        "properties": {
            "placements": {"type": "array", "items": {
                "type": "object", "required": ["programme", "semester"],
                "properties": {"programme": {"type": "string"}, "semester": {"type": "integer"}}}},
            "text": {"type": "object", "additionalProperties": text,
                     "propertyNames": {"enum": list(LANGS)}}}}]}
    # CourseFacts forbids extra fields; relax for the export, which adds placements and text.
    facts_schema = defs["CourseFacts"]
    facts_schema.pop("additionalProperties", None)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Sosial iş curriculum export",
        "type": "object",
        "required": ["languages", "framework", "competencies", "programmes", "courses",
                     "references", "glossary"],
        "properties": {
            "$schema": {"type": "string"},
            "languages": {"type": "array", "items": {"enum": list(LANGS)}},
            "framework": ref(Framework),
            "competencies": {"type": "array", "items": ref(Competency)},
            "programmes": {"type": "array", "items": ref(Programme)},
            "courses": {"type": "array", "items": course},
            "references": {"type": "array", "items": ref(Reference)},
            "glossary": {"type": "array", "items": ref(GlossaryEntry)},
        },
    }
    schema["$defs"] = defs
    return schema


def case_package(cur: Curriculum, base_url: str, changed: str) -> dict:
    """The competency framework as a CASE 1.1 CFPackage (document, items, associations)."""
    fw = cur.framework
    base = base_url.rstrip("/") + "/ims/case/v1p1"
    doc_id = str(uuid.uuid5(NAMESPACE, f"framework:{fw.id if fw else 'framework'}"))
    doc_uri = {"title": fw.title.en if fw else "Competencies", "identifier": doc_id,
               "uri": f"{base}/CFDocuments/{doc_id}"}
    document = {
        "identifier": doc_id,
        "uri": doc_uri["uri"],
        "creator": "Sosial iş contributors",
        "title": fw.title.en if fw else "Competencies",
        "lastChangeDateTime": changed,
        "officialSourceURL": base_url.rstrip("/") + "/en/curriculum/competencies/",
        "publisher": "Sosial iş",
        "description": fw.description.en if fw else "",
        "language": "en",
        "version": fw.version if fw else "1.0",
        "adoptionStatus": "Draft",
        "CFPackageURI": {"title": doc_uri["title"], "identifier": doc_id,
                         "uri": f"{base}/CFPackages/{doc_id}"},
    }
    items, associations = [], []
    for comp in cur.competencies.values():
        item_id = str(uuid.uuid5(NAMESPACE, f"competency:{comp.id}"))
        items.append({
            "identifier": item_id,
            "uri": f"{base}/CFItems/{item_id}",
            "fullStatement": comp.description.en,
            "abbreviatedStatement": comp.title.en,
            "humanCodingScheme": comp.id,
            "CFItemType": "Competency",
            "language": "en",
            "lastChangeDateTime": changed,
            "CFDocumentURI": doc_uri,
            "notes": " | ".join(f"{lang}: {comp.title.get(lang)} — {comp.description.get(lang)}"
                                for lang in ("tk", "ru")),
        })
        assoc_id = str(uuid.uuid5(NAMESPACE, f"association:{comp.id}"))
        associations.append({
            "identifier": assoc_id,
            "uri": f"{base}/CFAssociations/{assoc_id}",
            "associationType": "isChildOf",
            "originNodeURI": {"title": comp.title.en, "identifier": item_id,
                              "uri": f"{base}/CFItems/{item_id}"},
            "destinationNodeURI": doc_uri,
            "lastChangeDateTime": changed,
            "CFDocumentURI": doc_uri,
        })
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations}


def dump(data: object) -> str:
    """JSON as every export writes it (UTF-8 text, one space of indent, a final newline)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def export_files(cur: Curriculum, base_url: str, root: Path) -> dict[str, str]:
    """The exports as files under docs/data/ (MkDocs copies them and validates links to them)."""
    return {
        "data/curriculum.json": dump(curriculum_json(cur)),
        "data/curriculum.schema.json": _schema_text(),  # the models' schema: fixed per run
        "data/competencies.case.json": dump(case_package(cur, base_url, source_date(root))),
    }
