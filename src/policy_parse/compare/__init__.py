"""Across notices: what changed between two versions of a notice (diff), one
name per department over a batch (registry), and which items of a parent
policy a notice assigns (cover).  A stage after reconcile: it reads parsed
notices, never text, and emit/ writes what it finds."""
