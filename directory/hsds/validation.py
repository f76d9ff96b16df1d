"""Validate HSDS JSON against the vendored official HSDS 3.0 JSON schemas (schema/).

References between the schema files ("organization.json", "phone.json" …) are resolved
from the vendored copies only: the registry is filled up front and any other reference is
refused, so validation never reaches the network.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

# The page wrapper of every list endpoint, as the specification's openapi.json defines it
# (components/schemas/Page, vendored verbatim in schema/page.json); each list response adds
# its `contents` array of the listed object.
PAGE = "page.json"


def _refuse(uri: str) -> Resource:
    # Everything the schemas use is preloaded; anything else is an error, not a download.
    raise NoSuchResource(ref=uri)


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        # Some files carry an upstream "$id" (a raw.githubusercontent.com URL); drop it so
        # their relative "$ref"s resolve to the sibling vendored files.
        contents.pop("$id", None)
        resources.append((path.as_uri(), Resource(contents=contents, specification=DRAFT202012)))
    return Registry(retrieve=_refuse).with_resources(resources)


def _uri(name: str) -> str:
    return (SCHEMA_DIR / name).as_uri()


@cache
def _validator(schema_name: str, page: bool) -> Draft202012Validator:
    if schema_name not in {p.name for p in SCHEMA_DIR.glob("*.json")}:
        raise LookupError(schema_name)
    if page:
        schema: dict[str, Any] = {
            "allOf": [{"$ref": _uri(PAGE)}],
            "properties": {"contents": {"type": "array", "items": {"$ref": _uri(schema_name)}}},
            "required": ["contents"],
        }
    else:
        schema = {"$ref": _uri(schema_name)}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def errors(instance: Any, schema_name: str, *, page: bool = False) -> list[str]:
    """Every way `instance` breaks the HSDS schema `schema_name` (e.g. "service.json").

    With page=True the instance is a page wrapper whose `contents` are such objects.
    """
    found = _validator(schema_name, page).iter_errors(instance)
    return [_describe(error) for error in sorted(found, key=lambda e: list(e.absolute_path))]


def validate(instance: Any, schema_name: str, *, page: bool = False) -> None:
    """Raise ValueError listing the problems if `instance` does not validate."""
    problems = errors(instance, schema_name, page=page)
    if problems:
        raise ValueError("; ".join(problems))


def _describe(error: ValidationError) -> str:
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"
