"""Files: the static site (every page, its JSON and the downloads, from ``present``)."""
