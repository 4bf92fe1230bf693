"""The JSON Schema of ``extractor extract`` output (schema_version 1)."""
from __future__ import annotations

from .types import SCHEMA_VERSION

_MENTION = {"type": "object", "required": ["start", "end", "text"], "additionalProperties": False,
            "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
                           "text": {"type": "string"}}}
# an organisation's mention, and the same with the words for its kind before it ("компании «Ромашка»"), as
# FactRuEval draws organisations, where the text has them
_ORG_MENTION = {**_MENTION, "properties": {**_MENTION["properties"],
                                           "with_kind": {"oneOf": [_MENTION, {"type": "null"}]}}}
_NSTR = {"type": ["string", "null"]}
_NNUM = {"type": ["number", "null"]}


def output_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "extractor output",
        "description": "One document's people, positions, organisations, dates and money. Offsets are Python str "
                       "indices into the input text, end-exclusive. A document that failed carries only id and error.",
        "oneOf": [
            {"type": "object", "required": ["id", "error"],
             "properties": {"id": _NSTR, "error": {"type": "string"}, "meta": {"type": "object"}}},
            {"type": "object",
             "required": ["id", "schema_version", "people", "positions", "organisations", "dates", "money"],
             "properties": {
                 "id": _NSTR,
                 "schema_version": {"const": SCHEMA_VERSION},
                 "date": {"type": "string", "format": "date", "description": "the article's date, if given"},
                 "encoding": {"type": "string", "description": "how a text file was decoded"},
                 "meta": {"type": "object", "description": "other fields of a JSONL input record"},
                 "people": {"type": "array", "items": {
                     "type": "object", "required": ["id", "name", "first", "middle", "last", "mentions"],
                     "properties": {"id": {"type": "string", "pattern": "^person-\\d+$"},
                                    "name": {"type": "string", "description": "full name in the nominative"},
                                    "first": _NSTR, "middle": _NSTR, "last": _NSTR,
                                    "mentions": {"type": "array", "items": _MENTION}}}},
                 "positions": {"type": "array", "items": {
                     "type": "object", "required": ["id", "title", "start", "end", "text", "person", "organisation"],
                     "properties": {"id": {"type": "string", "pattern": "^position-\\d+$"},
                                    "title": {"type": "string", "description": "the title in the nominative"},
                                    "start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"},
                                    "person": _NSTR, "organisation": _NSTR,
                                    "people": {"type": "array", "items": {"type": "string"},
                                               "description": "every holder (a plural title can have several: "
                                                              "\"актёры A и B\"); person is the first"},
                                    "role": {"type": ["object", "null"],
                                             "required": ["start", "end", "text", "title"],
                                             "description": "the bare title nested in a title that also names its "
                                                            "organisation or place (\"министр иностранных дел\" in "
                                                            "\"министр иностранных дел России\"); null if bare already",
                                             "properties": {"start": {"type": "integer"}, "end": {"type": "integer"},
                                                            "text": {"type": "string"}, "title": {"type": "string"}}}}}},
                 "organisations": {"type": "array", "items": {
                     "type": "object", "required": ["id", "name", "mentions"],
                     "properties": {"id": {"type": "string", "pattern": "^org-\\d+$"},
                                    "name": {"type": "string", "description": "the name in the nominative"},
                                    "kind": {"type": ["string", "null"], "description": "the word for its kind, "
                                             "nominative: the one the text puts before its mentions most "
                                             "(\"компания\", \"партия\", \"ОАО\"), else the one its name opens "
                                             "with (\"администрация\")"},
                                    "mentions": {"type": "array", "items": _ORG_MENTION}}}},
                 "affiliations": {"type": "array", "description": "a person tied to an organisation by a verb or "
                                  "a phrase with no title between (\"возглавил «Ромашку»\", \"работает в банке\", "
                                  "\"во главе с\"); a title's own organisation is in positions", "items": {
                     "type": "object",
                     "required": ["person", "organisation", "kind", "person_mention", "organisation_mention", "cue"],
                     "properties": {"person": {"type": "string"}, "organisation": {"type": "string"},
                                    "kind": {"enum": ["head", "works", "plays", "left"]},
                                    "person_mention": _MENTION, "organisation_mention": _MENTION,
                                    "cue": _MENTION}}},
                 "dates": {"type": "array", "items": {
                     "type": "object", "required": ["start", "end", "text", "value", "kind"],
                     "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"},
                                    "value": {"type": ["string", "null"],
                                              "description": "ISO 8601: 2002, 2020-05, 2020-05-14, --05 (no year), "
                                                             "199 (decade), 18 (century), 2017-SU (season), 2020-Q1, "
                                                             "2019/2021 (range), P18Y (duration), -P1Y (unresolved offset), "
                                                             "{2021-05-05,2021-05-06} (set: \"5 и 6 мая 2021 года\")"},
                                    "kind": {"enum": ["date", "range", "duration", "relative", "set"]},
                                    "offset": {"type": ["string", "null"],
                                               "description": "for relative expressions: the offset from the article's date"}}}},
                 "money": {"type": "array", "items": {
                     "type": "object", "required": ["start", "end", "text", "amount", "currency", "currency_inferred"],
                     "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"},
                                    "amount": _NNUM, "currency": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
                                    "currency_inferred": {"type": "boolean"}, "min": _NNUM, "max": _NNUM,
                                    "qualifier": {"enum": [None, "approx", "more", "less", "up_to"]}}}},
             }},
        ],
    }
