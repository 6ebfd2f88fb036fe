"""The optional C extension (docs/pdf.md, "The compiled character loop");
everything else is declared in pyproject.toml.

`optional=True`: where it cannot be built (no C compiler or no Python
headers) the install goes on without it and the PDFium engine runs its
Python loop, which gives the same results.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "policy_parse.read.pdf._native",
            ["src/policy_parse/read/pdf/_native.c"],
            # No contraction of a*b+c into one rounding: the same floats as
            # the Python loop on every machine.
            extra_compile_args=["-O2", "-ffp-contract=off"],
            optional=True,
        )
    ]
)
