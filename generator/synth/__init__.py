"""Synthetic content trees for benchmarks and tests, made with the real rules."""
