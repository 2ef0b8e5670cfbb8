"""Slant, framing and tone: partisan phrases (log-odds), article/sentence classifiers, frames, tone."""
