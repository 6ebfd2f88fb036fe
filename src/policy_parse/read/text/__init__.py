"""Text copied from portals and PDFs: tables flattened to text, rebuilt as grids."""
