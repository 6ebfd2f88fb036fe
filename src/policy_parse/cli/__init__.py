"""The command line's parts that are no pipeline: its arguments and words
(args.py), and the combined output of a batch (combined.py).  __main__.py
runs them."""
