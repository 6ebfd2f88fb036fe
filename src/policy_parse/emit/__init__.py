"""Emitters: a notice as output.  The JSON contract of docs/schema.md
(`json`, written by `jsonout`), the readable text report (`text`), the HTML
report (`html`), CSV and Excel (`tabular`), pandas DataFrames (`frames`),
and the formats the CLI writes with their file suffixes (`outputs`).
Serialisation happens here only; the models know nothing of it.

Nothing is imported here: the CLI loads `outputs` before anything else, and
each format's module loads only when that format is asked for."""
