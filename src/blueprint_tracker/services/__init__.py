"""Use cases: one function per job, shared by the CLI, the web app and the exports."""
