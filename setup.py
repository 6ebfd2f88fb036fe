"""The optional C extensions (docs/pdf.md, "The compiled character loop");
everything else is declared in pyproject.toml.

`optional=True`: where they cannot be built (no C compiler or no Python
headers) the install goes on without them and the Python loops they stand
in for run, with the same results.
"""

from setuptools import Extension, setup

# No contraction of a*b+c into one rounding: the same floats as the Python
# code on every machine.
_FLAGS = ["-O2", "-ffp-contract=off"]
_SLOTS = ["src/policy_parse/read/layout/_slots.h"]

setup(
    ext_modules=[
        Extension(
            "policy_parse.read.pdf._native",
            ["src/policy_parse/read/pdf/_native.c"],
            depends=_SLOTS,
            extra_compile_args=_FLAGS,
            optional=True,
        ),
        Extension(
            "policy_parse.read.layout._passes",
            ["src/policy_parse/read/layout/_passes.c"],
            depends=_SLOTS,
            extra_compile_args=_FLAGS,
            optional=True,
        ),
    ]
)
