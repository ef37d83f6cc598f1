"""The downloadable editions: the PDF and Excel reports and the Frictionless data package."""
