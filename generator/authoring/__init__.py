"""Authoring and review: new reports, readiness, changes in report terms, CODEOWNERS, git reading, YAML writing."""
