#!/usr/bin/env python3
"""An external recognizer for Marginalia (docs/external-recognizer.md): spaCy's named entities as
JSON Lines spans, one per line: {"start", "end", "label", "text", "source"}.

Setup:  pip install spacy && python3 -m spacy download en_core_web_sm
Plug in (VS Code user settings, or the CLI's --recognizer):
    "marginalia.recognizer.command": "python3 /path/to/spacy_recognizer.py"
    marginalia analyze --recognizer "python3 scripts/spacy_recognizer.py" samples/
An optional argument names another model: spacy_recognizer.py en_core_web_trf
"""
import json
import sys

import spacy

MODEL = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm"
# spaCy types Marginalia maps to its kinds (PERSON, ORG, GPE/LOC, DATE); others are left out.
KEEP = {"PERSON", "ORG", "GPE", "LOC", "DATE"}

nlp = spacy.load(MODEL)
# Read bytes: text mode would turn CRLF into LF and shift every offset after it.
text = sys.stdin.buffer.read().decode("utf-8")
for ent in nlp(text).ents:
    if ent.label_ in KEEP:
        # start_char and end_char are Python string indices: code points, what Marginalia expects.
        span = {"start": ent.start_char, "end": ent.end_char, "label": ent.label_, "text": ent.text, "source": f"spacy:{MODEL}"}
        sys.stdout.write(json.dumps(span) + "\n")
