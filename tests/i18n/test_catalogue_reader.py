"""The catalogues read without Babel's parser give the same words as Babel's own reading."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from blueprint_tracker import i18n


def _babel(path: Path, locale: str) -> Translations:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=i18n.DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=i18n.DOMAIN)


@pytest.mark.parametrize("lang", i18n.KEYS)
def test_every_message_reads_as_babel_reads_it(lang: str) -> None:
    locale = i18n.babel_locale(lang)
    path = i18n.po_path(locale)
    with path.open("rb") as handle:
        ids = [m.id for m in read_po(handle, locale=locale) if m.id]
    assert len(ids) > 100
    ours, babels = i18n.translations(lang), _babel(path, locale)
    for message in [*ids, "a message no catalogue holds"]:
        assert ours.gettext(message) == babels.gettext(message), message
    assert ours.ngettext("one figure", "figures", 2) == "figures"


def test_fuzzy_obsolete_multiline_and_escaped_entries(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Not sure"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Old"\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgstr "Deux \\"lignes\\"\\n"\n\n'
        'msgid "Untranslated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert i18n.read_catalogue(po) == {"Two lines": 'Deux "lignes"\n'}
    po.write_text('msgctxt "menu"\nmsgid "Open"\nmsgstr "Ouvrir"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="contexts and plural forms"):
        i18n.read_catalogue(po)
