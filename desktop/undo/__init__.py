"""Undoable commands that call the model's operations, one transaction per step."""
