"""Judging an actual against a target: meets, score, grade, and the categories behind them."""
