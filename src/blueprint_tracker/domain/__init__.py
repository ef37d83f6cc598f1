"""Pure types of the plan, its indicators, series, commitments and assessments."""
