"""What a reader sees, shared by every front end: labels, chart specs, URLs, templates, static
assets, markdown content, page views, the CSV and Atom writers and the reports (PDF, XLSX, data
package). Imports services and i18n; never the web server, the static-site builder or the CLI."""
