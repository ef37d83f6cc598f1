"""Progress assessment methods, vectorised over many series (see METHODS.md)."""
