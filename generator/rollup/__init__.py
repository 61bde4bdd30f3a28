"""Roll-up stage: units' reports aggregated to the council, verdicts on targets and the economy's arithmetic."""
