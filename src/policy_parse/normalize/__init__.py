"""Normalisers: numbers, department names, deadlines.  Pure functions over
strings and models; their vocabulary lives in data/*.toml."""
