"""Helpers every stage may use and that use no stage: names loaded on first
access (`lazy_names`), patterns compiled on first use (`lazy_regex`), the
registered caches of pure text functions (`memo`), numeric helpers
(`numeric`) and Chinese numerals (`chinese_numerals`).

Nothing is imported here."""
