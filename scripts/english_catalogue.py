"""English is the language of the msgids: fill every English msgstr with its msgid and
clear fuzzy marks (makemessages guesses from similar strings). The header is kept."""

import sys

import polib

path = sys.argv[1]
catalogue = polib.pofile(path, wrapwidth=0)
for entry in catalogue:
    if entry.obsolete:
        continue
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    if entry.msgid_plural:
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    else:
        entry.msgstr = entry.msgid
catalogue.metadata["Language"] = "en"
catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
catalogue.save(path)
