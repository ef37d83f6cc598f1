"""The data package's resources and their Table Schemas (field names, types, descriptions),
derived from the table catalogue (``table_catalogue``).

The rows come from ``services.reports.open_tables``; a test checks that every table has exactly
these fields, so the schema and the data cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from blueprint_tracker.i18n import KEYS, column_suffix, english_name
from blueprint_tracker.present.reports import table_catalogue
from blueprint_tracker.present.reports.tables import PACKAGE, Table
from blueprint_tracker.present.reports.tables import Field as CatalogueField


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    description: str = ""
    required: bool = False

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "date":
            out["format"] = "%Y-%m-%d"
        if self.description:
            out["description"] = self.description
        if self.required:
            out["constraints"] = {"required": True}
        return out


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, resource, field)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def fields_of(field: CatalogueField, languages: Sequence[str] = KEYS) -> tuple[Field, ...]:
    """The schema fields of one catalogue field: a text is a column per plan language,
    ``{key}_{suffix}`` (``title_zh_hant``, ``title_en``, ``title_es``; the first language is
    the source), then, when it may be ours, ``{key}_{suffix}_translated`` per other language."""
    if not field.bilingual:
        return (Field(field.key, field.type, field.description, field.required),)
    key, what = field.key, field.description
    out = [
        Field(
            f"{key}_{column_suffix(lang)}",
            description=f"{what}, in {english_name(lang)}" + (" (the source text)" * (n == 0)),
        )
        for n, lang in enumerate(languages)
    ]
    if field.translated:
        out += [
            Field(
                f"{key}_{column_suffix(lang)}_translated",
                "boolean",
                f"true when the {english_name(lang)} is our translation, not official wording",
            )
            for lang in languages[1:]
        ]
    return tuple(out)


def resource_of(table: Table, languages: Sequence[str] = KEYS) -> Resource:
    """The table's resource: its package fields in the catalogue's order."""
    fields = tuple(f for field in table.carried_on(PACKAGE) for f in fields_of(field, languages))
    return Resource(
        table.name, table.title, table.description, fields, table.primary_key, table.foreign_keys
    )


def package_resources(languages: Sequence[str] = KEYS) -> tuple[Resource, ...]:
    """Every resource of the data package for a plan in ``languages``, in the catalogue's
    order."""
    return tuple(resource_of(t, languages) for t in table_catalogue.TABLES if t.title)


#: the resources of a plan in the language table's languages
RESOURCES: tuple[Resource, ...] = package_resources()


def schema(resource: Resource) -> dict[str, Any]:
    """The resource's Table Schema."""
    out: dict[str, Any] = {
        "fields": [f.descriptor() for f in resource.fields],
        "missingValues": [""],
    }
    if resource.primary_key:
        out["primaryKey"] = list(resource.primary_key)
    if resource.foreign_keys:
        out["foreignKeys"] = [
            {
                "fields": [own],
                "reference": {
                    "resource": "" if target == resource.name else target,
                    "fields": [key],
                },
            }
            for own, target, key in resource.foreign_keys
        ]
    return out
