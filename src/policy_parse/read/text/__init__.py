"""Plain text (.txt): the reader and its encoding cascade (`reader`), the
copy furniture text pasted from a PDF carries (page numbers, running heads:
`furniture`), and tables flattened to text rebuilt as grids (`tables`, over
the one aligner: `cells` → `header` → `fit`, `gaps`, `separators` (the
prices) → `align` (the search: `lattice`, `forward`, `backward`) → `placed`
(its result) → `grid` → `rebuild`).

Nothing is imported here: each module loads when it is first asked for."""
