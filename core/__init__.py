"""Helpers shared by every Peerpath app. Nothing here imports a Peerpath app.

The lowest layer: request hygiene (NUL bytes, API body size), parsing ids that arrive as
text, idempotent form submissions, text-length constraints and the security headers.
"""
