"""The PySide6 window. The only package (with main.py) that imports Qt."""
