"""Data tables and builders of the embedded 2023 sample campaign (see tools/build_sample.py)."""
