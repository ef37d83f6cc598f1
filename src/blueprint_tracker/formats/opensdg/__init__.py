"""The Open SDG data repository layout: data CSVs, indicator YAML, translations, config."""
