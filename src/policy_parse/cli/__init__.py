"""The command line's parts that are no pipeline: its arguments and words
(args.py), its console (console.py), many inputs (many.py, combined.py,
resume.py, select.py) and the subcommands (diff.py, commands.py).
__main__.py runs them."""
