"""Benchmarks: the scale dataset (``bench.scale_data``) and the runner (``bench.run``)."""
